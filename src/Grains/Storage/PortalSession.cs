namespace Herald.Grains.Storage;

/// <summary>
/// A portal session as stored (its token only as a hash): one account, until <see cref="ExpiresAt"/>, read-only or not,
/// limited to webhooks of <see cref="Sources"/> (null: all of the account's).
/// </summary>
public sealed record PortalSession(
    string Id, string AccountId, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, bool ReadOnly, IReadOnlyList<string>? Sources);
