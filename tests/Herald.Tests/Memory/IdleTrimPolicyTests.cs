using Herald.Grains.Memory;

namespace Herald.Tests.Memory;

/// <summary>When the idle trim runs: after a peak, once quiet; never under load; once per peak.</summary>
public sealed class IdleTrimPolicyTests
{
    private const long MiB = 1024 * 1024;
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(5);

    private static readonly IdleTrimOptions Options = new()
    {
        QuietFor = TimeSpan.FromSeconds(30),
        QuietAllocationBytesPerSecond = 2 * MiB,
        MinimumGrowthBytes = 128 * MiB,
        MinimumInterval = TimeSpan.FromMinutes(5),
        MinimumDeactivations = 5_000,
    };

    /// <summary>Feeds one reading per tick at the given allocation rate and committed memory; the tick numbers that asked for a trim.</summary>
    private sealed class Run(IdleTrimPolicy policy)
    {
        private long _allocated;
        private long _deactivated;
        private int _tick;

        public List<int> Trims { get; } = [];

        public Run Ticks(int count, long bytesPerSecond, long committed, long committedAfterTrim = 100 * MiB, long deactivationsPerTick = 0)
        {
            for (var i = 0; i < count; i++)
            {
                _tick++;
                _allocated += bytesPerSecond * (long)Tick.TotalSeconds;
                _deactivated += deactivationsPerTick;
                if (policy.Observe(new MemorySample(_allocated, committed, _deactivated), Tick))
                {
                    Trims.Add(_tick);
                    policy.Trimmed(new MemorySample(_allocated, committedAfterTrim, _deactivated));
                }
            }
            return this;
        }
    }

    private static Run Start(long committed)
    {
        var policy = new IdleTrimPolicy(Options);
        policy.Observe(new MemorySample(0, committed), TimeSpan.Zero);
        return new Run(policy);
    }

    [Fact]
    public void A_peak_followed_by_quiet_gives_one_trim_once_quiet_for_the_set_time()
    {
        var run = Start(committed: 100 * MiB)
            .Ticks(24, bytesPerSecond: 50 * MiB, committed: 600 * MiB)
            .Ticks(20, bytesPerSecond: 50 * 1024, committed: 600 * MiB);

        // Quiet from tick 25; 30 s of quiet is six ticks of 5 s.
        Assert.Equal([30], run.Trims);
    }

    [Fact]
    public void Sustained_load_never_trims_however_much_is_committed()
    {
        var run = Start(committed: 100 * MiB)
            .Ticks(1000, bytesPerSecond: 3 * MiB, committed: 2000 * MiB);

        Assert.Empty(run.Trims);
    }

    [Fact]
    public void Load_that_pauses_for_less_than_the_quiet_time_never_trims()
    {
        var run = Start(committed: 100 * MiB);
        for (var i = 0; i < 50; i++)
        {
            run.Ticks(3, bytesPerSecond: 40 * MiB, committed: 900 * MiB)
                .Ticks(5, bytesPerSecond: 0, committed: 900 * MiB);
        }

        Assert.Empty(run.Trims);
    }

    [Fact]
    public void Quiet_without_growth_does_not_trim()
    {
        var run = Start(committed: 300 * MiB)
            .Ticks(5, bytesPerSecond: 30 * MiB, committed: 400 * MiB)
            .Ticks(100, bytesPerSecond: 0, committed: 400 * MiB);

        Assert.Empty(run.Trims);
    }

    [Fact]
    public void Growth_is_measured_from_the_lowest_point_since_the_last_trim()
    {
        var run = Start(committed: 500 * MiB)
            .Ticks(5, bytesPerSecond: 0, committed: 200 * MiB)
            .Ticks(5, bytesPerSecond: 30 * MiB, committed: 340 * MiB)
            .Ticks(10, bytesPerSecond: 0, committed: 340 * MiB);

        Assert.Equal([16], run.Trims);
    }

    [Fact]
    public void A_second_peak_trims_again_but_not_before_the_minimum_interval()
    {
        var run = Start(committed: 100 * MiB)
            .Ticks(4, bytesPerSecond: 50 * MiB, committed: 600 * MiB)
            .Ticks(10, bytesPerSecond: 0, committed: 600 * MiB)
            .Ticks(4, bytesPerSecond: 50 * MiB, committed: 600 * MiB)
            .Ticks(60, bytesPerSecond: 0, committed: 600 * MiB);

        // First trim at tick 10. The second peak (ticks 15-18) is quiet again from tick 19 and for 30 s by tick 24,
        // but the interval of 5 min after tick 10 (60 ticks) holds it until tick 70.
        Assert.Equal([10, 70], run.Trims);
    }

    [Fact]
    public void Grains_deactivated_after_a_trim_give_one_more_once_quiet_without_waiting_for_the_interval()
    {
        var run = Start(committed: 100 * MiB)
            .Ticks(4, bytesPerSecond: 50 * MiB, committed: 600 * MiB)
            .Ticks(10, bytesPerSecond: 0, committed: 600 * MiB, committedAfterTrim: 300 * MiB)
            .Ticks(5, bytesPerSecond: 0, committed: 300 * MiB, committedAfterTrim: 300 * MiB, deactivationsPerTick: 2_000)
            .Ticks(60, bytesPerSecond: 0, committed: 300 * MiB);

        // Trim for growth at tick 10 (quiet from 5). By tick 17, 6,000 grains were deactivated: the process has been
        // quiet all along, so the second trim comes then, an interval of 5 min notwithstanding; then nothing more.
        Assert.Equal([10, 17], run.Trims);
    }

    [Fact]
    public void Deactivations_under_load_wait_for_quiet()
    {
        var run = Start(committed: 100 * MiB)
            .Ticks(20, bytesPerSecond: 10 * MiB, committed: 150 * MiB, deactivationsPerTick: 1_000)
            .Ticks(10, bytesPerSecond: 0, committed: 150 * MiB);

        // Deactivations passed 5,000 at tick 5, under load; the trim waits for 30 s of quiet (ticks 21-26).
        Assert.Equal([26], run.Trims);
    }

    [Fact]
    public void Fewer_deactivations_than_the_set_number_do_not_trim()
    {
        var run = Start(committed: 100 * MiB)
            .Ticks(100, bytesPerSecond: 0, committed: 150 * MiB, deactivationsPerTick: 49);

        Assert.Empty(run.Trims);
    }

    [Fact]
    public void The_first_reading_only_sets_the_start()
    {
        var policy = new IdleTrimPolicy(Options);

        Assert.False(policy.Observe(new MemorySample(0, 900 * MiB), Tick));
        Assert.Equal(TimeSpan.Zero, policy.Quiet);
    }
}
