namespace Herald.Grains.Storage;

/// <summary>
/// A row of the attempt log as the API lists it. <see cref="RequestHeaders"/> is the JSON object of the headers sent,
/// masked (<see cref="Delivery.RequestHeaderLog"/>); null for attempts logged before headers were kept.
/// </summary>
public sealed record AttemptLogEntry(
    string AttemptId,
    string DeliveryId,
    string EventId,
    string EventType,
    int Attempt,
    bool Succeeded,
    int? StatusCode,
    int LatencyMs,
    string? Error,
    string? ResponseExcerpt,
    DateTimeOffset AttemptedAt,
    DateTimeOffset? NextAttemptAt,
    string? RequestHeaders = null);
