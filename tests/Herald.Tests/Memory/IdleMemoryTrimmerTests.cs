using Herald.Grains.Memory;
using Herald.Testing;
using Herald.Tests.Infrastructure;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Herald.Tests.Memory;

/// <summary>
/// <see cref="IdleMemoryTrimmer"/>'s loop, driven by a fake clock: it reads the process's memory and the grain turnover on
/// its interval and runs the collection when <see cref="IdleTrimPolicy"/> says so (the policy's rules are tested in
/// <see cref="IdleTrimPolicyTests"/>). The allocation rate of a test process is not under the test's control, so the
/// quiet rate is set out of its reach here.
/// </summary>
public sealed class IdleMemoryTrimmerTests
{
    private static readonly IdleTrimOptions Settings = new()
    {
        CheckInterval = TimeSpan.FromSeconds(5),
        QuietFor = TimeSpan.FromSeconds(10),
        QuietAllocationBytesPerSecond = long.MaxValue,
        MinimumGrowthBytes = long.MaxValue,
        MinimumDeactivations = 1,
    };

    [Fact]
    public async Task A_quiet_process_whose_endpoint_grains_were_deactivated_is_trimmed_on_the_trimmers_own_interval()
    {
        var clock = new FakeTimeProvider();
        var capture = new LogCapture();
        using var logging = new LoggerFactory([capture]);
        var turnover = new GrainTurnover();
        using var trimmer = new IdleMemoryTrimmer(Options.Create(Settings), turnover, clock, logging.CreateLogger<IdleMemoryTrimmer>());
        await trimmer.StartAsync(CancellationToken.None); // its loop starts on a thread of its own

        // Grains are deactivated at every step, so that some fall after the trimmer's first reading whenever it takes it.
        var trimmed = await Eventually.HoldsAsync(() =>
        {
            turnover.EndpointDeactivated();
            clock.Advance(Settings.CheckInterval);
            return capture.Entries.Any(e => e.Message.StartsWith("Quiet for", StringComparison.Ordinal));
        }, TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(20));

        await trimmer.StopAsync(CancellationToken.None);
        Assert.True(trimmed, "no trim was logged");
        // The first trim; grains go on being deactivated at every step, so later steps may trim again, as the policy allows.
        var entry = capture.Entries.First(e => e.Message.StartsWith("Quiet for", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Information, entry.Level);
        Assert.True(clock.GetUtcNow() - clock.Start >= Settings.QuietFor, "the trim ran before the process had been quiet for the set time");
    }

    [Fact]
    public async Task A_disabled_trimmer_ends_its_loop_at_once()
    {
        var clock = new FakeTimeProvider();
        using var logging = new LoggerFactory();
        using var trimmer = new IdleMemoryTrimmer(Options.Create(new IdleTrimOptions { Enabled = false }), new GrainTurnover(), clock,
            logging.CreateLogger<IdleMemoryTrimmer>());

        await trimmer.StartAsync(CancellationToken.None);

        await trimmer.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(10)); // throws if the loop is still running then
        Assert.True(trimmer.ExecuteTask.IsCompletedSuccessfully);
    }
}
