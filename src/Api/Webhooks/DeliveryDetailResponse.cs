using System.Text.Json;
using Herald.Api.Json;
using Herald.Grains.Storage;

namespace Herald.Api.Webhooks;

/// <summary>
/// <c>GET /v1/webhooks/{id}/deliveries/{delivery_id}</c>: the delivery's row, what it sends, and in place of the count
/// of attempts, the attempts themselves, oldest first (the timeline; retention may have purged the oldest).
/// </summary>
public sealed record DeliveryDetailResponse(
    string Id,
    string EventId,
    string EventType,
    string Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset? NextAttemptAt,
    DateTimeOffset? LastAttemptAt,
    int? LastStatusCode,
    int? LastLatencyMs,
    DeliveryRequestResponse Request,
    IReadOnlyList<AttemptResponse> Attempts)
{
    private static readonly JsonElement NoHeaders = JsonDocument.Parse("{}").RootElement.Clone();

    public static DeliveryDetailResponse From(DeliveryDetail detail)
    {
        var d = detail.Delivery;
        var headers = detail.Attempts.Count > 0 ? StoredBody.Parse(detail.Attempts[^1].RequestHeaders) : null;
        return new(d.DeliveryId, d.EventId, d.EventType, d.Status, d.CreatedAt, d.NextAttemptAt, d.LastAttemptAt, d.LastStatusCode,
            d.LastLatencyMs, new DeliveryRequestResponse(headers ?? NoHeaders, StoredBody.Parse(detail.Body)),
            detail.Attempts.Select(AttemptResponse.From).ToList());
    }
}
