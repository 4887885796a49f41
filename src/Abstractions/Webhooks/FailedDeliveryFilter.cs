namespace Herald.Abstractions.Webhooks;

/// <summary>
/// Which failed deliveries a bulk retry requeues: of one event type (exact; null for any), created in
/// [<see cref="Since"/>, <see cref="Until"/>) (either bound may be open).
/// </summary>
[GenerateSerializer, Immutable, Alias("herald.failed-delivery-filter")]
public sealed record FailedDeliveryFilter(
    [property: Id(0)] string? EventType,
    [property: Id(1)] DateTimeOffset? Since,
    [property: Id(2)] DateTimeOffset? Until);
