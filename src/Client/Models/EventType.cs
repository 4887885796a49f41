using System.Text.Json;

namespace Herald.Client.Models;

/// <summary>An entry of the event catalog.</summary>
public sealed record EventType : ApiObject
{
    public required string Type { get; init; }
    public string? Description { get; init; }
    public string? Category { get; init; }
    public JsonElement? Schema { get; init; }
    public JsonElement? Example { get; init; }
    public bool Deprecated { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
}
