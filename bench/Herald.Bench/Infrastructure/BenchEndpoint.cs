namespace Herald.Bench.Infrastructure;

/// <summary>A webhook the bench registered: its account (and that account's key), id, receiving path and event type.</summary>
public sealed record BenchEndpoint(string AccountId, string AccountKey, string WebhookId, string Path, string EventType);
