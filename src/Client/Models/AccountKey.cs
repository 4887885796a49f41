namespace Herald.Client.Models;

/// <summary>One of an account's API keys; <see cref="ApiKey"/> (<c>hk_…</c>) only in the answer to its creation.</summary>
public sealed record AccountKey : ApiObject
{
    public required string Id { get; init; }
    public required string Name { get; init; }

    /// <summary>Some of <c>publish</c>, <c>manage</c>, <c>read</c>.</summary>
    public IReadOnlyList<string> Scopes { get; init; } = [];

    [Credential]
    public string? ApiKey { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? ExpiresAt { get; init; }
}
