namespace Herald.Abstractions.Webhooks;

/// <summary>
/// A delivery that a publish has just committed to an endpoint's queue, with what it takes to send it, so that the
/// endpoint need not read it back. <see cref="PreviousSeq"/> is the queue place of the delivery its publisher queued
/// for the same endpoint just before (<see cref="UnknownPlace"/>: the publisher does not know). Orleans does not keep one-way messages in order: an endpoint takes a notice as the next entry of its queue
/// only when that place is the last one it knows, and reads its queue otherwise. <see cref="Held"/>: the publisher
/// queued it held, as it does while the endpoint is disabled; an endpoint that is active when such a notice comes
/// releases its queue, so that no delivery stays held behind an enable.
/// </summary>
[GenerateSerializer, Immutable, Alias("herald.delivery-notice")]
public sealed record DeliveryNotice(
    [property: Id(0)] string DeliveryId,
    [property: Id(1)] long Seq,
    [property: Id(2)] long PreviousSeq,
    [property: Id(3)] string EventId,
    [property: Id(4)] string EventType,
    [property: Id(5)] byte[] Body,
    [property: Id(6)] DateTimeOffset CreatedAt,
    [property: Id(7)] bool Held = false)
{
    /// <summary>The publisher does not know the place of the endpoint's previous delivery.</summary>
    public const long UnknownPlace = -1;
}
