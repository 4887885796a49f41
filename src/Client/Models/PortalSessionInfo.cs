namespace Herald.Client.Models;

/// <summary>A portal session as the list shows it: never its token.</summary>
public sealed record PortalSessionInfo : ApiObject
{
    public required string Id { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset ExpiresAt { get; init; }
    public bool ReadOnly { get; init; }
    public IReadOnlyList<string>? Sources { get; init; }
}
