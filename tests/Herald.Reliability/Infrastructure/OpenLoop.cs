using System.Diagnostics;

namespace Herald.Reliability.Infrastructure;

/// <summary>
/// Sends at a fixed rate whatever the answers do (an open loop, as platforms publish): send n starts at n / rate
/// seconds, in flight beside the others, up to a cap; a send that would pass the cap is counted as skipped.
/// </summary>
public sealed class OpenLoop(int perSecond, int maxInFlight)
{
    private readonly List<Task> _sends = [];
    private int _inFlight;
    private int _next;

    public int Skipped { get; private set; }

    public int Started => _next;

    /// <summary>
    /// Sends for <paramref name="duration"/> from now, and on until <paramref name="until"/> (if given) has ended; a
    /// later call goes on with the next numbers.
    /// </summary>
    public async Task RunAsync(TimeSpan duration, Func<int, Task> send, Task? until = null)
    {
        var clock = Stopwatch.StartNew();
        var first = _next;
        while (clock.Elapsed < duration || until is { IsCompleted: false })
        {
            var due = TimeSpan.FromSeconds((double)(_next - first) / perSecond);
            if (due > clock.Elapsed)
            {
                await Task.Delay(due - clock.Elapsed);
            }
            var n = _next++;
            if (Volatile.Read(ref _inFlight) >= maxInFlight)
            {
                Skipped++;
                continue;
            }
            Interlocked.Increment(ref _inFlight);
            _sends.Add(SendAsync(send, n));
        }
    }

    /// <summary>Waits for every send started so far.</summary>
    public Task DrainAsync() => Task.WhenAll(_sends);

    private async Task SendAsync(Func<int, Task> send, int n)
    {
        try
        {
            await send(n);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }
}
