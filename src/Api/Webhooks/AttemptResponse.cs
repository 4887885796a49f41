using System.Text.Json;
using Herald.Api.Json;
using Herald.Grains.Storage;

namespace Herald.Api.Webhooks;

/// <summary>
/// A row of <c>GET /v1/webhooks/{id}/attempts</c> and of a delivery's timeline: one HTTP attempt, <c>succeeded</c> or
/// <c>failed</c>, with the headers it sent (masked; null for attempts logged before Herald kept them).
/// </summary>
public sealed record AttemptResponse(
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
    JsonElement? RequestHeaders,
    DateTimeOffset AttemptedAt,
    DateTimeOffset? NextAttemptAt)
{
    public static AttemptResponse From(AttemptLogEntry e) => new(
        e.AttemptId, e.DeliveryId, e.EventId, e.EventType, e.Attempt, e.Succeeded ? DeliveryStatuses.Succeeded : DeliveryStatuses.Failed,
        e.StatusCode, e.LatencyMs, e.Error, e.ResponseExcerpt, StoredBody.Parse(e.RequestHeaders), e.AttemptedAt, e.NextAttemptAt);
}
