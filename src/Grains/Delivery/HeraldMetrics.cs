using System.Diagnostics.Metrics;

namespace Herald.Grains.Delivery;

/// <summary>Herald's own instruments (meter <c>Herald</c>).</summary>
public static class HeraldMetrics
{
    public const string MeterName = "Herald";
    private static readonly Meter Meter = new(MeterName);

    /// <summary>Reminder registrations and removals made by endpoints: the reminder churn that retries cause.</summary>
    public static readonly Counter<long> ReminderWrites = Meter.CreateCounter<long>("herald.reminder.writes");
}
