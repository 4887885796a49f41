namespace Herald.Grains.Storage;

/// <summary>A published event as stored: its body as sent to every endpoint, and its deliveries.</summary>
public sealed record StoredEvent(
    string EventId,
    string Type,
    string? Source,
    int EndpointCount,
    DateTimeOffset CreatedAt,
    byte[] Body,
    IReadOnlyList<DeliveryEntry> Deliveries);
