using System.Collections.Concurrent;
using System.Diagnostics;

namespace Herald.Bench.Infrastructure;

/// <summary>Load generators, each bounded in count and in time.</summary>
public static class Load
{
    /// <summary>Closed loop: <paramref name="concurrency"/> workers run operations 0, 1, 2… until <paramref name="count"/> or <paramref name="limit"/>.</summary>
    public static async Task<LoadResult> ClosedAsync(int count, int concurrency, TimeSpan limit, Func<int, Task<bool>> operation)
    {
        var next = -1;
        long ok = 0, failed = 0;
        string? firstError = null;
        var latencies = new ConcurrentQueue<double>();
        var clock = Stopwatch.StartNew();

        async Task WorkerAsync()
        {
            while (true)
            {
                var i = Interlocked.Increment(ref next);
                if (i >= count || clock.Elapsed >= limit)
                {
                    return;
                }
                var started = Stopwatch.GetTimestamp();
                bool success;
                try
                {
                    success = await operation(i);
                }
                catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or IOException or InvalidOperationException)
                {
                    Interlocked.CompareExchange(ref firstError, exception.Message, null);
                    success = false;
                }
                latencies.Enqueue(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                Interlocked.Increment(ref success ? ref ok : ref failed);
            }
        }

        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(WorkerAsync)));
        return new LoadResult(ok, failed, clock.Elapsed, [.. latencies], firstError);
    }

    /// <summary>
    /// Open loop at a fixed rate: operation i is due at start + i/rate and receives that scheduled time (so latency
    /// counts any lag of the generator too). At most <paramref name="maxOutstanding"/> operations run at once; one that
    /// would exceed it is skipped (counted) rather than queued.
    /// </summary>
    public static async Task<LoadResult> PacedAsync(int rate, TimeSpan duration, int maxOutstanding, Func<int, long, Task<bool>> operation)
    {
        var total = (int)(rate * duration.TotalSeconds);
        long ok = 0, failed = 0, skipped = 0;
        string? firstError = null;
        var latencies = new ConcurrentQueue<double>();
        using var outstanding = new SemaphoreSlim(maxOutstanding, maxOutstanding);
        var running = new List<Task>(total);
        var start = Stopwatch.GetTimestamp();

        async Task RunAsync(int i, long scheduled)
        {
            try
            {
                var success = await operation(i, scheduled);
                Interlocked.Increment(ref success ? ref ok : ref failed);
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or IOException or InvalidOperationException)
            {
                Interlocked.CompareExchange(ref firstError, exception.Message, null);
                Interlocked.Increment(ref failed);
            }
            finally
            {
                latencies.Enqueue(Stopwatch.GetElapsedTime(scheduled).TotalMilliseconds);
                outstanding.Release();
            }
        }

        var issued = 0;
        while (issued < total)
        {
            var due = (int)Math.Min(total, Stopwatch.GetElapsedTime(start).TotalSeconds * rate);
            for (; issued < due; issued++)
            {
                var scheduled = start + (long)(issued * (double)Stopwatch.Frequency / rate);
                if (!outstanding.Wait(0))
                {
                    skipped++;
                    continue;
                }
                running.Add(RunAsync(issued, scheduled));
            }
            await Task.Delay(1);
        }
        await Task.WhenAll(running);
        return new LoadResult(ok, failed, Stopwatch.GetElapsedTime(start), [.. latencies], firstError, skipped);
    }
}
