namespace Herald.Api.Access;

/// <summary>A portal session as <c>GET /v1/accounts/{id}/portal-sessions</c> lists it: never its token.</summary>
public sealed record PortalSessionInfo(
    string Id, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, bool ReadOnly, IReadOnlyList<string>? Sources);
