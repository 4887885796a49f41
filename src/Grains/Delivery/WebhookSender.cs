using System.Buffers;
using System.Net.Http.Headers;
using System.Text;
using Herald.Grains.Network;
using Microsoft.Extensions.Options;

namespace Herald.Grains.Delivery;

/// <summary>Sends one attempt over HTTP and reports what happened; never throws for the endpoint's faults.</summary>
public sealed class WebhookSender(IHttpClientFactory httpClientFactory, IOptions<DeliveryOptions> options, TimeProvider time)
{
    public const string HttpClientName = "herald-delivery";
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    public async Task<AttemptOutcome> SendAsync(OutgoingRequest outgoing, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, outgoing.Url) { Content = new ByteArrayContent(outgoing.Body) };
        request.Content.Headers.ContentType = Json;
        foreach (var (name, value) in outgoing.Headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(outgoing.Timeout);
        var started = time.GetTimestamp();
        try
        {
            var client = httpClientFactory.CreateClient(HttpClientName);
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var excerpt = await ReadExcerptAsync(response, options.Value.ResponseExcerptBytes, timeout.Token);
            var status = (int)response.StatusCode;
            var error = response.IsSuccessStatusCode ? null : $"HTTP {status}";
            return new AttemptOutcome(status, time.GetElapsedTime(started), error, excerpt, RetryAfter(response));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Failure(started, $"timed out after {outgoing.Timeout.TotalSeconds:0.###}s");
        }
        catch (HttpRequestException exception) when (exception.InnerException is DestinationBlockedException blocked)
        {
            return new AttemptOutcome(null, time.GetElapsedTime(started), blocked.Message, null, null, Blocked: true);
        }
        catch (HttpRequestException exception)
        {
            return Failure(started, $"{exception.HttpRequestError}: {exception.Message}");
        }
    }

    private AttemptOutcome Failure(long started, string error) => new(null, time.GetElapsedTime(started), error, null, null);

    private static async Task<string?> ReadExcerptAsync(HttpResponseMessage response, int excerptBytes, CancellationToken cancellationToken)
    {
        if (excerptBytes == 0)
        {
            return null;
        }
        var buffer = ArrayPool<byte>.Shared.Rent(excerptBytes);
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            var read = 0;
            int n;
            while (read < excerptBytes && (n = await stream.ReadAsync(buffer.AsMemory(read, excerptBytes - read), cancellationToken)) > 0)
            {
                read += n;
            }
            // Invalid UTF-8 decodes to U+FFFD; NUL is valid UTF-8 that PostgreSQL's text refuses (22021), and one such
            // excerpt would fail the whole batch of attempts it is written with: it becomes U+FFFD as well.
            return read == 0 ? null : Encoding.UTF8.GetString(buffer, 0, read).Replace('\0', '\uFFFD');
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException)
        {
            // The status line already tells the outcome; a body cut short only loses the excerpt.
            return null;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - time.GetUtcNow(),
        _ => null,
    };
}
