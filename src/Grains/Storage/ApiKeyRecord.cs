namespace Herald.Grains.Storage;

/// <summary>An account key as it is listed: never the key itself, which is stored only as a hash.</summary>
public sealed record ApiKeyRecord(string Id, string Name, IReadOnlyList<string> Scopes, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt);
