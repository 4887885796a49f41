using System.Text.Json;

namespace Herald.Api.Catalog;

/// <summary>The body of <c>PUT /v1/event-types/{type}</c>: the whole entry (absent fields take their defaults).</summary>
public sealed record EventTypeRequest(string? Description, string? Category, JsonElement? Schema, bool? Deprecated);
