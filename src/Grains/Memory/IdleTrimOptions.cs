namespace Herald.Grains.Memory;

/// <summary>
/// Giving memory back after a load peak, bound from <c>Herald:Memory:IdleTrim</c>. The Server GC keeps the heap it grew
/// to at a peak for the next one, and collects nothing while the process is idle, so without this a silo that once
/// served a burst keeps its peak's memory until the next burst (docs/benchmarks.md, "Memory over a run").
/// </summary>
public sealed class IdleTrimOptions
{
    public const string Section = "Herald:Memory:IdleTrim";

    /// <summary>Run the trim at all.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often the process's allocations and the GC's committed memory are read.</summary>
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long the process must have allocated less than <see cref="QuietAllocationBytesPerSecond"/> before a trim.</summary>
    public TimeSpan QuietFor { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The allocation rate below which the process counts as quiet. An idle silo allocates about 50 KiB/s (timers,
    /// membership, the metrics scrape); a publish-and-deliver costs tens of KiB, so a few dozen events a second
    /// already exceed the default.
    /// </summary>
    public long QuietAllocationBytesPerSecond { get; set; } = 2 * 1024 * 1024;

    /// <summary>
    /// How far the GC's committed memory must have grown above its lowest point since the last trim (or the start)
    /// for a trim to be worth its pause.
    /// </summary>
    public long MinimumGrowthBytes { get; set; } = 128L * 1024 * 1024;

    /// <summary>The least time between two trims for growth (<see cref="MinimumGrowthBytes"/>).</summary>
    public TimeSpan MinimumInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Endpoint grains deactivated since the last trim that make a trim worth its pause on their own (their state is
    /// garbage no collection has seen: 5,000 hold some 25–50 MiB). Once a peak's grains reach their collection age,
    /// this gives back what the trim after the peak could not, as they were still active then.
    /// </summary>
    public long MinimumDeactivations { get; set; } = 5_000;
}
