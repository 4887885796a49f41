using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Herald.Client;

/// <summary>
/// Sends one call to Herald: the key, the JSON, the problem answers as <see cref="HeraldApiException"/>, and the retries.
/// A 429 or 503 means nothing was accepted, so every call is sent again after <c>Retry-After</c>; a lost connection is
/// ambiguous, so only calls that are safe to repeat (reads, and writes that carry an <c>id</c> or an
/// <c>Idempotency-Key</c>) are sent again after one.
/// </summary>
internal sealed class HeraldConnection(HttpClient http, HeraldClientOptions options)
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    private readonly Uri _base = WithSlash(options.BaseAddress ?? http.BaseAddress
        ?? throw new ArgumentException("Give Herald's address as HeraldClientOptions.BaseAddress or HttpClient.BaseAddress."));

    public async Task<T> SendAsync<T>(HttpMethod method, string path, object? body, bool safeToRepeat, CancellationToken cancellationToken, string? idempotencyKey = null)
    {
        using var response = await SendRawAsync(method, path, body, safeToRepeat, idempotencyKey, cancellationToken);
        if (typeof(T) == typeof(NoContent))
        {
            return default!;
        }
        return (await response.Content.ReadFromJsonAsync<T>(HeraldJson.Options, cancellationToken))!;
    }

    private async Task<HttpResponseMessage> SendRawAsync(HttpMethod method, string path, object? body, bool safeToRepeat, string? idempotencyKey,
        CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            HttpResponseMessage response;
            try
            {
                response = await http.SendAsync(Request(method, path, body, idempotencyKey), cancellationToken);
            }
            catch (HttpRequestException) when (safeToRepeat && attempt < options.MaxAttempts)
            {
                await WaitAsync(attempt, null, cancellationToken);
                continue;
            }
            if (response.IsSuccessStatusCode)
            {
                return response;
            }
            using (response)
            {
                if (IsRetryLater(response) && await WaitAsync(attempt, ProblemReader.RetryAfter(response), cancellationToken))
                {
                    continue;
                }
                throw await ProblemReader.ReadAsync(response, cancellationToken);
            }
        }
    }

    private HttpRequestMessage Request(HttpMethod method, string path, object? body, string? idempotencyKey)
    {
        var request = new HttpRequestMessage(method, new Uri(_base, path));
        if (options.ApiKey is { } key)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }
        if (idempotencyKey is not null)
        {
            request.Headers.Add(IdempotencyKeyHeader, idempotencyKey);
        }
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType(), new MediaTypeHeaderValue("application/json"), HeraldJson.Options);
        }
        return request;
    }

    private static bool IsRetryLater(HttpResponseMessage response) =>
        response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable;

    /// <summary>Waits before the next try; false when the tries are spent or the wait would be too long.</summary>
    private async Task<bool> WaitAsync(int attempt, TimeSpan? retryAfter, CancellationToken cancellationToken)
    {
        if (attempt >= options.MaxAttempts || RetryDelays.Next(attempt, retryAfter, options, Random.Shared.NextDouble()) is not { } wait)
        {
            return false;
        }
        await Task.Delay(wait, options.TimeProvider, cancellationToken);
        return true;
    }

    private static Uri WithSlash(Uri address) =>
        address.AbsoluteUri.EndsWith('/') ? address : new Uri(address.AbsoluteUri + "/");
}
