namespace Herald.Grains.Storage;

/// <summary>
/// A row of the event catalog; <see cref="SchemaJson"/> is the JSON Schema text as given, or null;
/// <see cref="ExampleJson"/> an example of the type's <c>data</c> as given (the default of a typed test send), or null.
/// </summary>
public sealed record EventTypeRecord(
    string Type,
    string Description,
    string? Category,
    string? SchemaJson,
    bool Deprecated,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    string? ExampleJson = null);
