namespace Herald.Bench.Infrastructure;

/// <summary>An event as the bench's copies of Herald's tables hold it: its id, its type and its envelope (the bytes sent).</summary>
public sealed record EventRow(string Id, string Type, byte[] Body);
