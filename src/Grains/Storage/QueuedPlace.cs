namespace Herald.Grains.Storage;

/// <summary>
/// One delivery a publish queued: its endpoint, its id, its place, the place of the endpoint's delivery before it, and
/// whether it was queued held (its endpoint is disabled).
/// </summary>
public sealed record QueuedPlace(string EndpointId, string DeliveryId, long Seq, long PreviousSeq, bool Held);
