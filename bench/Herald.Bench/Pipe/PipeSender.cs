using System.Diagnostics;
using Herald.Bench.Infrastructure;

namespace Herald.Bench.Pipe;

/// <summary>
/// Sends an event to the receiver as Herald does (a signed POST over a pooled client with as many connections as
/// requests at once), then records the attempt; the send's task completes once the attempt's batch committed.
/// </summary>
public sealed class PipeSender(PipeSettings settings, PipeStore store) : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = settings.Concurrency,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        UseCookies = false,
        AllowAutoRedirect = false,
    }) { Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>True when the receiver answered 2xx.</summary>
    public async Task<bool> DeliverAsync(EventRow row)
    {
        var started = Stopwatch.GetTimestamp();
        int status;
        try
        {
            using var request = SignedPost.Create(settings.Receiver, settings.Key, row.Id, row.Body);
            using var response = await _http.SendAsync(request);
            status = (int)response.StatusCode;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            status = 0;
        }
        var attempt = new AttemptRow(row.Id, row.Type, status, (int)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        await store.RecordAsync(attempt);
        return attempt.Succeeded;
    }

    /// <summary>
    /// Delivers every event <paramref name="source"/> yields until it completes, <paramref name="concurrency"/> at a
    /// time; each of the workers sends its next event only once its last attempt committed (one worker: strict order).
    /// </summary>
    public async Task<PipeOutcome> DeliverAllAsync(IAsyncEnumerable<EventRow> source, int concurrency)
    {
        long delivered = 0, failed = 0;
        await Parallel.ForEachAsync(source, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (row, _) =>
        {
            var ok = await DeliverAsync(row);
            Interlocked.Increment(ref ok ? ref delivered : ref failed);
        });
        return new PipeOutcome(delivered, failed);
    }

    public void Dispose() => _http.Dispose();
}
