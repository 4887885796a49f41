namespace Herald.Grains.Storage;

/// <summary>One delivery a publish queued: its endpoint, its id, its place, and the place of the endpoint's delivery before it.</summary>
public sealed record QueuedPlace(string EndpointId, string DeliveryId, long Seq, long PreviousSeq);
