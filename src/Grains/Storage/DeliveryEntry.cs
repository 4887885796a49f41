namespace Herald.Grains.Storage;

/// <summary>
/// A delivery (one event × one webhook) and its latest attempt, as the debugging routes show it.
/// <see cref="NextAttemptAt"/> is set only while the delivery is pending.
/// </summary>
public sealed record DeliveryEntry(
    string DeliveryId,
    string EndpointId,
    string EventId,
    string EventType,
    string Status,
    int Attempts,
    DateTimeOffset CreatedAt,
    DateTimeOffset? NextAttemptAt,
    DateTimeOffset? LastAttemptAt,
    int? LastStatusCode,
    int? LastLatencyMs);
