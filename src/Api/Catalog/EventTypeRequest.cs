using System.Text.Json;

namespace Herald.Api.Catalog;

/// <summary>The body of <c>PUT /v1/event-types/{type}</c>: the whole entry (absent fields take their defaults).</summary>
/// <remarks><c>example</c>: an example of the type's <c>data</c>, checked against <c>schema</c>; the default data of a typed test send.</remarks>
public sealed record EventTypeRequest(string? Description, string? Category, JsonElement? Schema, bool? Deprecated, JsonElement? Example = null);
