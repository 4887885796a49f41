namespace Herald.Api.Access;

/// <summary>
/// The credential a request presents: its kind (<c>admin</c>, <c>account_key</c>, <c>portal</c>), its account (null for the
/// admin), scopes, whether it may only read, the sources it is limited to (null: all) and its expiry (null: none).
/// </summary>
public sealed record MeResponse(
    string Kind, string? AccountId, IReadOnlyList<string> Scopes, bool ReadOnly, IReadOnlyList<string>? Sources, DateTimeOffset? ExpiresAt);
