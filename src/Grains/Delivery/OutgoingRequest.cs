namespace Herald.Grains.Delivery;

/// <summary>A signed POST ready to send: the body is sent byte for byte.</summary>
public sealed record OutgoingRequest(Uri Url, byte[] Body, IReadOnlyList<KeyValuePair<string, string>> Headers, TimeSpan Timeout);
