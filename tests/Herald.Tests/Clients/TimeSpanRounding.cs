namespace Herald.Tests.Clients;

internal static class TimeSpanRounding
{
    /// <summary>To the millisecond: jitter computed in doubles is not exact to the tick.</summary>
    public static TimeSpan Round(this TimeSpan value) => TimeSpan.FromMilliseconds(Math.Round(value.TotalMilliseconds));
}
