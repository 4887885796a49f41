namespace Herald.Client.Models;

/// <summary>
/// What <c>GET /v1/me</c> says of the key or token a request presents: its kind (<c>admin</c>, <c>account_key</c>,
/// <c>portal</c>), its account (null for the admin), scopes, whether it may only read, the sources it is limited to
/// (null: all) and its expiry (null: none).
/// </summary>
public sealed record Credential : ApiObject
{
    public required string Kind { get; init; }
    public string? AccountId { get; init; }
    public IReadOnlyList<string> Scopes { get; init; } = [];
    public bool ReadOnly { get; init; }
    public IReadOnlyList<string>? Sources { get; init; }
    public DateTimeOffset? ExpiresAt { get; init; }
}
