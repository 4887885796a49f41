using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;

namespace Herald.Reliability.Infrastructure;

/// <summary>Publishes as a platform does: one account key, a chosen event id (so a retry is idempotent), a small data object.</summary>
public sealed class Publisher(HttpClient http, string accountKey)
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    public async Task<PublishOutcome> PublishAsync(string type, string id, int n, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/events")
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes($$$"""{"type":"{{{type}}}","id":"{{{id}}}","data":{"n":{{{n}}}}}""")),
        };
        request.Content.Headers.ContentType = Json;
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accountKey);
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            return new PublishOutcome((int)response.StatusCode, response.Headers.RetryAfter is not null,
                response.Content.Headers.ContentType?.MediaType == "application/problem+json", text.Length > 300 ? text[..300] : text);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return new PublishOutcome(0, false, false, $"{exception.GetType().Name}: {exception.Message}");
        }
    }

    /// <summary>
    /// A publisher's retry: the same id until 202 (stored once however often it is sent), a pause after each refusal;
    /// the refusals met on the way are added to <paramref name="refusals"/>. False when <paramref name="patience"/> runs out.
    /// </summary>
    public async Task<bool> PublishUntilAcceptedAsync(string type, string id, int n, TimeSpan patience, ICollection<PublishOutcome> refusals)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < patience)
        {
            var outcome = await PublishAsync(type, id, n);
            if (outcome.Accepted)
            {
                return true;
            }
            lock (refusals)
            {
                refusals.Add(outcome);
            }
            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }
        return false;
    }
}
