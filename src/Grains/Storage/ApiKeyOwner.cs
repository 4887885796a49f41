namespace Herald.Grains.Storage;

/// <summary>The account a live API key belongs to, and when the key lapses (null: not until it is rotated out).</summary>
public sealed record ApiKeyOwner(string AccountId, DateTimeOffset? ExpiresAt);
