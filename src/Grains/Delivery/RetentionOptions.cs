namespace Herald.Grains.Delivery;

/// <summary>How long events, deliveries and attempts are kept (<c>Herald:Retention</c>); also the idempotency window.</summary>
public sealed class RetentionOptions
{
    public const string Section = "Herald:Retention";

    public TimeSpan Period { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How often the purge runs.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);
}
