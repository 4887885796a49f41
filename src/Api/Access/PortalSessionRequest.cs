namespace Herald.Api.Access;

/// <summary>
/// The body of <c>POST /v1/accounts/{id}/portal-sessions</c>: lifetime (default <c>1h</c>, at most <c>24h</c>), whether the
/// session may only read, and the sources whose webhooks it sees (null: all).
/// </summary>
public sealed record PortalSessionRequest(string? ExpiresIn, bool? ReadOnly, List<string>? Sources);
