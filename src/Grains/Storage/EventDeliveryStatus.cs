namespace Herald.Grains.Storage;

/// <summary>Where one event stands at one endpoint.</summary>
public sealed record EventDeliveryStatus(
    string EndpointId,
    string DeliveryId,
    string Status,
    int Attempts,
    DateTimeOffset? NextAttemptAt,
    DateTimeOffset UpdatedAt);
