namespace Herald.Grains.Storage;

/// <summary>A delivery, the body it sends (the event's stored bytes) and its attempts, oldest first.</summary>
public sealed record DeliveryDetail(DeliveryEntry Delivery, byte[]? Body, IReadOnlyList<AttemptLogEntry> Attempts);
