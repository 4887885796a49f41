namespace Herald.Tests.Infrastructure;

/// <summary>Configuration that the failover tests give every silo, in-process or child process.</summary>
public static class ProcessSettings
{
    /// <summary>
    /// Fast failure detection (production keeps Orleans' defaults), a 2 s wake reminder, and the recovery sweep
    /// pushed out of the way, so that what moves to a surviving silo is shown to move through the reminders.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> FastFailover = new Dictionary<string, string>
    {
        ["Herald:Orleans:MinimumReminderPeriod"] = "00:00:01",
        ["Herald:Delivery:WakeReminderPeriod"] = "00:00:02",
        ["Herald:Recovery:SweepPeriod"] = "01:00:00",
        ["Herald:Orleans:Membership:ProbeTimeout"] = "00:00:01",
        ["Herald:Orleans:Membership:NumMissedProbesLimit"] = "2",
        ["Herald:Orleans:Membership:TableRefreshTimeout"] = "00:00:02",
        ["Herald:Orleans:Membership:IAmAliveTablePublishTimeout"] = "00:00:05",
        // Successful attempts are logged at Debug; the failover test reads every attempt from the silos' output.
        ["Logging:LogLevel:Herald.Grains.Endpoints"] = "Debug",
    };

    /// <summary>The same keys as environment variables (<c>:</c> becomes <c>__</c>).</summary>
    public static IEnumerable<KeyValuePair<string, string>> AsEnvironment(IReadOnlyDictionary<string, string> settings) =>
        settings.Select(s => KeyValuePair.Create(s.Key.Replace(":", "__"), s.Value));
}
