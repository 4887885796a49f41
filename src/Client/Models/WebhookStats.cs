namespace Herald.Client.Models;

/// <summary>
/// A webhook's health (<c>GET /v1/webhooks/{id}/stats</c>): attempts over the last hour and day, the latest success
/// and failure, and its queue (deliveries pending or held, and the oldest one's age in seconds).
/// </summary>
public sealed record WebhookStats : ApiObject
{
    public required OutcomeCounts LastHour { get; init; }
    public required OutcomeCounts LastDay { get; init; }
    public DateTimeOffset? LastSuccessAt { get; init; }
    public DateTimeOffset? LastFailureAt { get; init; }
    public long QueueDepth { get; init; }
    public long? OldestPendingAgeSeconds { get; init; }
}
