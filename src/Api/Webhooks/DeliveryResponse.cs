using Herald.Grains.Storage;

namespace Herald.Api.Webhooks;

/// <summary>
/// A row of <c>GET /v1/webhooks/{id}/deliveries</c>: one event's delivery to the webhook (<c>dlv_…</c>), whatever
/// number of attempts it took, with its latest attempt's outcome.
/// </summary>
public sealed record DeliveryResponse(
    string Id,
    string EventId,
    string EventType,
    string Status,
    int Attempts,
    DateTimeOffset CreatedAt,
    DateTimeOffset? NextAttemptAt,
    DateTimeOffset? LastAttemptAt,
    int? LastStatusCode,
    int? LastLatencyMs)
{
    public static DeliveryResponse From(DeliveryEntry d) => new(d.DeliveryId, d.EventId, d.EventType, d.Status, d.Attempts, d.CreatedAt,
        d.NextAttemptAt, d.LastAttemptAt, d.LastStatusCode, d.LastLatencyMs);
}
