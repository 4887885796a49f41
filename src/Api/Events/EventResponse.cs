namespace Herald.Api.Events;

/// <summary><c>GET /v1/events/{id}</c>: the event and where it stands at each endpoint.</summary>
public sealed record EventResponse(
    string Id,
    string Type,
    string? Source,
    int Endpoints,
    DateTimeOffset CreatedAt,
    IReadOnlyList<EventDeliveryResponse> Deliveries);
