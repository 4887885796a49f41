namespace Herald.Api.Json;

/// <summary>A page of a list: <c>{"data": [...], "next_cursor": "…" | null}</c>.</summary>
public sealed record Page<T>(IReadOnlyList<T> Data, string? NextCursor);
