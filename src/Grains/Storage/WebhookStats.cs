namespace Herald.Grains.Storage;

/// <summary>
/// A webhook's health from its attempt log and queue: attempts by outcome over the last hour and day, the latest of
/// each outcome, and what waits (pending or held deliveries, and when the oldest of them was created).
/// </summary>
public sealed record WebhookStats(
    int SucceededLastHour,
    int FailedLastHour,
    int SucceededLastDay,
    int FailedLastDay,
    DateTimeOffset? LastSuccessAt,
    DateTimeOffset? LastFailureAt,
    long QueueDepth,
    DateTimeOffset? OldestPendingAt);
