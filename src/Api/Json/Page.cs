namespace Herald.Api.Json;

/// <summary>
/// A page of a list: <c>{"data": [...], "next_cursor": "…" | null, "has_more": bool}</c>. Every list reads one row past
/// its limit, so a cursor is handed out only when another page has rows: <see cref="HasMore"/> is exactly that.
/// </summary>
public sealed record Page<T>(IReadOnlyList<T> Data, string? NextCursor)
{
    public bool HasMore => NextCursor is not null;
}
