namespace Herald.Api.Access;

/// <summary>A new portal session; the token (and the URL that carries it) is shown this once.</summary>
public sealed record PortalSessionResponse(
    string Id, string Token, string Url, DateTimeOffset ExpiresAt, bool ReadOnly, IReadOnlyList<string>? Sources);
