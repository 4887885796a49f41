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

    /// <summary>
    /// True when the receiver answered 2xx. The attempt is recorded before this completes, except a success when
    /// <paramref name="committing"/> is given: its commit is added there and the caller goes on, as Herald's strict
    /// queue sends its next message while the previous success commits.
    /// </summary>
    public async Task<bool> DeliverAsync(EventRow row, List<Task>? committing = null)
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
        var recorded = store.RecordAsync(attempt);
        if (committing is not null && attempt.Succeeded)
        {
            committing.Add(recorded);
        }
        else
        {
            await recorded;
        }
        return attempt.Succeeded;
    }

    /// <summary>
    /// Delivers every event <paramref name="source"/> yields until it completes, <paramref name="concurrency"/> at a
    /// time. Concurrent (as Herald's concurrent queues): each worker sends its next event once its last attempt
    /// committed. One at a time (a strict queue, as Herald's): the next event goes out while the last success commits,
    /// a failure's record is waited for, and every commit has ended before this completes.
    /// </summary>
    public async Task<PipeOutcome> DeliverAllAsync(IAsyncEnumerable<EventRow> source, int concurrency)
    {
        long delivered = 0, failed = 0;
        if (concurrency == 1)
        {
            var committing = new List<Task>();
            await foreach (var row in source)
            {
                var ok = await DeliverAsync(row, committing);
                _ = ok ? delivered++ : failed++;
            }
            await Task.WhenAll(committing);
            return new PipeOutcome(delivered, failed);
        }
        await Parallel.ForEachAsync(source, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (row, _) =>
        {
            var ok = await DeliverAsync(row);
            Interlocked.Increment(ref ok ? ref delivered : ref failed);
        });
        return new PipeOutcome(delivered, failed);
    }

    public void Dispose() => _http.Dispose();
}
