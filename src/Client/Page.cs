namespace Herald.Client;

/// <summary>A page of a list; <see cref="NextCursor"/> is null on the last one.</summary>
public sealed record Page<T>(IReadOnlyList<T> Data, string? NextCursor)
{
    /// <summary>Sent by Herald versions that answer it; otherwise, whether there is a <see cref="NextCursor"/>.</summary>
    public bool? HasMore { get; init; }
}
