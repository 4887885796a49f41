using Herald.Grains.Telemetry;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Herald.Grains.Memory;

/// <summary>
/// Gives the memory of a load peak back to the machine once the process is quiet: reads the runtime's memory every
/// <see cref="IdleTrimOptions.CheckInterval"/> and, when <see cref="IdleTrimPolicy"/> says so, runs one aggressive
/// full collection (compacting, and decommitting what it frees). Its pause falls in a quiet time by construction.
/// </summary>
public sealed partial class IdleMemoryTrimmer(
    IOptions<IdleTrimOptions> options, GrainTurnover turnover, TimeProvider time, ILogger<IdleMemoryTrimmer> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return;
        }
        var policy = new IdleTrimPolicy(settings);
        using var timer = new PeriodicTimer(settings.CheckInterval, time);
        var last = time.GetTimestamp();
        policy.Observe(MemorySample.Read(turnover), TimeSpan.Zero);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                var now = time.GetTimestamp();
                var sample = MemorySample.Read(turnover);
                if (policy.Observe(sample, time.GetElapsedTime(last, now)))
                {
                    policy.Trimmed(Trim(sample, policy.Quiet));
                }
                last = time.GetTimestamp();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private MemorySample Trim(MemorySample before, TimeSpan quiet)
    {
        var started = time.GetTimestamp();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        var after = MemorySample.Read(turnover);
        HeraldMetrics.IdleTrims.Add(1);
        LogTrimmed(logger, quiet.TotalSeconds, before.CommittedBytes >> 20, after.CommittedBytes >> 20, time.GetElapsedTime(started).TotalMilliseconds);
        return after;
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Quiet for {QuietSeconds:0} s: an aggressive collection took the GC's committed memory from {BeforeMiB} to {AfterMiB} MiB in {Milliseconds:0} ms")]
    private static partial void LogTrimmed(ILogger logger, double quietSeconds, long beforeMiB, long afterMiB, double milliseconds);
}
