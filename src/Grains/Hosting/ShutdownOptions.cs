namespace Herald.Grains.Hosting;

/// <summary>Graceful shutdown, bound from <c>Herald:Shutdown</c>.</summary>
public sealed class ShutdownOptions
{
    public const string Section = "Herald:Shutdown";

    /// <summary>
    /// Time Orleans needs after the drain to deactivate grains and leave the cluster; the host's shutdown timeout is
    /// raised to the drain plus this.
    /// </summary>
    public static readonly TimeSpan DeactivationAllowance = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a stopping silo waits for deliveries in flight to finish and be recorded. The default covers the
    /// longest endpoint timeout (60 s) with room to record the attempt; an attempt still running after it is cut and
    /// retried later (at least once).
    /// </summary>
    public TimeSpan DrainTimeout { get; set; } = TimeSpan.FromSeconds(65);
}
