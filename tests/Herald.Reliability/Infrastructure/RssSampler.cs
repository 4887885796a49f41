using Herald.Testing.Processes;

namespace Herald.Reliability.Infrastructure;

/// <summary>
/// Samples a Herald process's resident memory (VmRSS in /proc/&lt;pid&gt;/status) every 50 ms until disposed, keeping
/// the peak: short spikes (a 50 MB answer read whole would last well beyond one interval) are seen.
/// </summary>
public sealed class RssSampler : IAsyncDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);

    private readonly HeraldProcess _process;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampling;
    private long _peak;
    private long _samples;

    public RssSampler(HeraldProcess process)
    {
        _process = process;
        _peak = process.WorkingSet();
        _sampling = SampleAsync();
    }

    public long Peak => Interlocked.Read(ref _peak);

    public long Samples => Interlocked.Read(ref _samples);

    private async Task SampleAsync()
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                var rss = _process.HasExited ? 0 : _process.WorkingSet();
                Interlocked.Increment(ref _samples);
                if (rss > Interlocked.Read(ref _peak))
                {
                    Interlocked.Exchange(ref _peak, rss);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (IOException)
        {
            // The process ended: /proc/<pid> is gone.
        }
    }

    /// <summary>Stops sampling; <see cref="Peak"/> keeps its value.</summary>
    public async Task StopAsync()
    {
        if (!_stop.IsCancellationRequested)
        {
            await _stop.CancelAsync();
        }
        await _sampling;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stop.Dispose();
    }
}
