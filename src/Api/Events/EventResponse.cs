using System.Text.Json;
using Herald.Api.Json;
using Herald.Grains.Storage;

namespace Herald.Api.Events;

/// <summary>
/// <c>GET /v1/events/{id}</c>: the event's row, <c>data</c> (the body sent to every webhook, parsed: the envelope for a
/// publish of <c>data</c>, the payload as published otherwise) and its delivery at each webhook.
/// </summary>
public sealed record EventResponse(
    string Id,
    string Type,
    string? Source,
    DateTimeOffset Timestamp,
    DateTimeOffset CreatedAt,
    int Endpoints,
    JsonElement? Data,
    IReadOnlyList<EventDeliveryResponse> Deliveries)
{
    public static EventResponse From(StoredEvent e) => new(e.EventId, e.Type, e.Source, e.CreatedAt, e.CreatedAt, e.EndpointCount,
        StoredBody.Parse(e.Body), e.Deliveries.Select(EventDeliveryResponse.From).ToList());
}
