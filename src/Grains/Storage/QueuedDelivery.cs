namespace Herald.Grains.Storage;

/// <summary>
/// A pending delivery with the bytes to send. <see cref="Attempts"/> counts every attempt so far;
/// <see cref="BudgetStart"/> is where its current retry budget began (a manual resend grants a fresh one).
/// <see cref="EventCreatedAt"/> is when the publish was accepted (null for deliveries not read from the queue);
/// <see cref="Seq"/> is its place in the queue (0 for deliveries not read from the queue).
/// </summary>
public sealed record QueuedDelivery(
    string DeliveryId,
    string EventId,
    string EventType,
    byte[] Body,
    int Attempts,
    int BudgetStart,
    DateTimeOffset NextAttemptAt,
    DateTimeOffset? EventCreatedAt = null,
    long Seq = 0);
