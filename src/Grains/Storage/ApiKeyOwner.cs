namespace Herald.Grains.Storage;

/// <summary>
/// The account an API key belongs to, when the key lapses (null: not until it is rotated out or revoked), its id and
/// its scopes (<c>publish</c>, <c>manage</c>, <c>read</c>).
/// </summary>
public sealed record ApiKeyOwner(string AccountId, DateTimeOffset? ExpiresAt, string KeyId, IReadOnlyList<string> Scopes);
