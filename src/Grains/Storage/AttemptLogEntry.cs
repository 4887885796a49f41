namespace Herald.Grains.Storage;

/// <summary>A row of the attempt log as the API lists it.</summary>
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
    DateTimeOffset? NextAttemptAt);
