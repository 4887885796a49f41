namespace Herald.Client.Models;

/// <summary>The body of <c>POST /v1/accounts/{id}/portal-sessions</c>; null takes Herald's default (1 hour, may change, every source).</summary>
public sealed record PortalSessionRequest
{
    /// <summary>At most 24 hours.</summary>
    public TimeSpan? ExpiresIn { get; init; }
    public bool? ReadOnly { get; init; }
    public IReadOnlyList<string>? Sources { get; init; }
}
