using System.Text.Json.Nodes;

namespace Herald.Client.Models;

/// <summary>The body of <c>PUT /v1/event-types/{type}</c> (admin): the whole entry.</summary>
public sealed record EventTypeRequest(string Description)
{
    public string? Category { get; init; }
    public JsonNode? Schema { get; init; }
    public JsonNode? Example { get; init; }
    public bool? Deprecated { get; init; }
}
