using Herald.Grains.Storage;

namespace Herald.Api.Webhooks;

/// <summary>A row of <c>GET /v1/webhooks/{id}/deliveries</c>.</summary>
public sealed record DeliveryAttemptResponse(
    string Id,
    string DeliveryId,
    string EventId,
    string EventType,
    int Attempt,
    string Status,
    int? StatusCode,
    int LatencyMs,
    string? Error,
    string? ResponseExcerpt,
    DateTimeOffset AttemptedAt,
    DateTimeOffset? NextAttemptAt)
{
    public static DeliveryAttemptResponse From(AttemptLogEntry e) => new(
        e.AttemptId, e.DeliveryId, e.EventId, e.EventType, e.Attempt, e.Succeeded ? "succeeded" : "failed",
        e.StatusCode, e.LatencyMs, e.Error, e.ResponseExcerpt, e.AttemptedAt, e.NextAttemptAt);
}
