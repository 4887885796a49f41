namespace Herald.Grains.Storage;

/// <summary>A published event as stored, with its deliveries.</summary>
public sealed record StoredEvent(
    string EventId,
    string Type,
    string? Source,
    int EndpointCount,
    DateTimeOffset CreatedAt,
    IReadOnlyList<EventDeliveryStatus> Deliveries);
