namespace Herald.Grains.Storage;

/// <summary>A pending delivery at the head of an endpoint's queue, with the bytes to send.</summary>
public sealed record QueuedDelivery(
    string DeliveryId,
    string EventId,
    string EventType,
    byte[] Body,
    int Attempts,
    DateTimeOffset NextAttemptAt);
