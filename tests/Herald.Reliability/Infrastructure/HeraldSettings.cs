namespace Herald.Reliability.Infrastructure;

/// <summary>The settings the suite gives Herald beyond the shipped ones, as environment variables.</summary>
public static class HeraldSettings
{
    /// <summary>The recovery sweep of the run's mode (<see cref="SuiteSizes.RecoverySweep"/>); none for the shipped one.</summary>
    public static Dictionary<string, string> Recovery(SuiteSizes sizes) => sizes.RecoverySweep is { } sweep
        ? new()
        {
            ["Herald__Recovery__SweepPeriod"] = sweep.ToString("c", System.Globalization.CultureInfo.InvariantCulture),
            ["Herald__Recovery__Grace"] = sweep.ToString("c", System.Globalization.CultureInfo.InvariantCulture),
            // The sweep runs on a reminder, and Orleans refuses reminder periods under a minute unless told otherwise.
            ["Herald__Orleans__MinimumReminderPeriod"] = "00:00:01",
        }
        : [];

    /// <summary>
    /// Failure detection as the tests set it (docs/operations.md): a killed silo is declared dead in 2–3 s rather than
    /// Orleans' 15–20 s, which with a kill every 20 s would leave the cluster in failover most of the time.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> FastFailover = new Dictionary<string, string>
    {
        ["Herald__Orleans__Membership__ProbeTimeout"] = "00:00:01",
        ["Herald__Orleans__Membership__NumMissedProbesLimit"] = "2",
        ["Herald__Orleans__Membership__TableRefreshTimeout"] = "00:00:02",
        ["Herald__Orleans__Membership__IAmAliveTablePublishTimeout"] = "00:00:05",
    };
}
