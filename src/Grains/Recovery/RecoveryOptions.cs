namespace Herald.Grains.Recovery;

/// <summary>The recovery sweep, bound from <c>Herald:Recovery</c>.</summary>
public sealed class RecoveryOptions
{
    public const string Section = "Herald:Recovery";

    /// <summary>How often the sweep looks for endpoints whose due work nobody woke (a reminder period: 1 minute at least in production).</summary>
    public TimeSpan SweepPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long a pending delivery may be overdue before the sweep wakes its endpoint.</summary>
    public TimeSpan Grace { get; set; } = TimeSpan.FromSeconds(30);
}
