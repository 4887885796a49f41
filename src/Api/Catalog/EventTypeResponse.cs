using System.Text.Json;
using Herald.Grains.Storage;

namespace Herald.Api.Catalog;

public sealed record EventTypeResponse(
    string Type,
    string Description,
    string? Category,
    JsonElement? Schema,
    bool Deprecated,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    JsonElement? Example)
{
    public static EventTypeResponse From(EventTypeRecord record) => new(
        record.Type, record.Description, record.Category,
        record.SchemaJson is null ? null : JsonDocument.Parse(record.SchemaJson).RootElement.Clone(),
        record.Deprecated, record.CreatedAt, record.UpdatedAt,
        record.ExampleJson is null ? null : JsonDocument.Parse(record.ExampleJson).RootElement.Clone());
}
