namespace Herald.Grains.Storage;

/// <summary>A row of the event catalog; <see cref="SchemaJson"/> is the JSON Schema text as given, or null.</summary>
public sealed record EventTypeRecord(
    string Type,
    string Description,
    string? Category,
    string? SchemaJson,
    bool Deprecated,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
