namespace Herald.Grains.Storage;

/// <summary>A page of <c>GET /v1/events</c>: the account, the filters (each null when not given), then the page's place.</summary>
public sealed record EventQuery(
    string AccountId,
    string? Type,
    string? Source,
    DateTimeOffset? Since,
    DateTimeOffset? Until,
    int Limit,
    KeysetCursor? Cursor);
