using System.Text.Json;
using Herald.Api.Auth;
using Herald.Api.Json;
using Herald.Grains.Routing;
using Herald.Grains.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Herald.Api.Catalog;

/// <summary>
/// The deployment's event catalog: the admin key writes it, every valid key reads it. Listed in name order (a catalog
/// is a reference, not a log), optionally filtered by <c>category</c>.
/// </summary>
public static class EventTypesApi
{
    private const int MaxSchemaBytes = 64 * 1024;
    private const int MaxDescription = 1000;

    public static RouteGroupBuilder MapEventTypes(this RouteGroupBuilder v1)
    {
        var group = v1.MapGroup("/event-types").WithTags("Event catalog");
        group.MapPut("/{type}", PutAsync).Accepts<EventTypeRequest>("application/json");
        group.MapGet("/", ListAsync);
        group.MapGet("/{type}", GetAsync);
        return group;
    }

    private static async Task<Results<Created<EventTypeResponse>, Ok<EventTypeResponse>, ProblemHttpResult>> PutAsync(
        string type, HttpContext http, EventCatalogStore store, EventCatalog catalog, IOptions<ApiOptions> api)
    {
        if (!ApiKeyFilter.CallerOf(http).IsAdmin)
        {
            return Problems.Status(StatusCodes.Status403Forbidden, "Forbidden", "Only the admin key changes the event catalog.");
        }
        var (request, problem) = await JsonBody.ReadAsync<EventTypeRequest>(http.Request, api.Value);
        if (problem is not null)
        {
            return problem;
        }
        var errors = new FieldErrors();
        if (!EventTypePattern.IsValidType(type))
        {
            errors.Add("type", "Use an event type such as \"server.provisioned\": dot-separated segments of letters, digits, _ and -, at most 128 characters.");
        }
        if (request!.Description is { Length: > MaxDescription })
        {
            errors.Add("description", $"Keep the description to {MaxDescription} characters.");
        }
        if (request.Category is { } category && !IsCategory(category))
        {
            errors.Add("category", "Use 1–64 letters, digits, spaces, _ . or -, such as \"compute\".");
        }
        var (schemaJson, schema) = await SchemaJsonAsync(request.Schema, errors, http.RequestAborted);
        var exampleJson = ExampleJson(request.Example, schema, errors);
        if (errors.Any)
        {
            return Problems.Invalid(errors.ToDictionary());
        }

        var (record, created) = await store.PutAsync(type, request.Description ?? "", request.Category, schemaJson,
            request.Deprecated ?? false, exampleJson, http.RequestAborted);
        catalog.Invalidate();
        var response = EventTypeResponse.From(record);
        return created ? TypedResults.Created($"/v1/event-types/{type}", response) : TypedResults.Ok(response);
    }

    private static async Task<Results<Ok<Page<EventTypeResponse>>, ProblemHttpResult>> ListAsync(
        HttpContext http, EventCatalogStore store)
    {
        var (query, problem) = PageQuery.Read(http.Request);
        var (category, repeated) = QueryParameter.Single(http.Request, "category");
        if ((problem ?? repeated) is { } invalid)
        {
            return invalid;
        }
        if (category is not null && !IsCategory(category))
        {
            return Problems.InvalidParameter("category", "Use 1–64 letters, digits, spaces, _ . or -, such as \"compute\".");
        }
        var (rows, next) = await store.ListAsync(query!.Limit, query.Cursor, category, http.RequestAborted);
        return TypedResults.Ok(new Page<EventTypeResponse>(rows.Select(EventTypeResponse.From).ToList(), next));
    }

    private static async Task<Results<Ok<EventTypeResponse>, ProblemHttpResult>> GetAsync(string type, HttpContext http, EventCatalogStore store) =>
        await store.GetAsync(type, http.RequestAborted) is { } record
            ? TypedResults.Ok(EventTypeResponse.From(record))
            : Problems.NotFound("The event type");

    /// <summary>The schema's text and compiled form when it is a usable JSON Schema (an object or a boolean); nulls for none.</summary>
    private static async Task<(string? Json, EventSchema? Schema)> SchemaJsonAsync(JsonElement? schema, FieldErrors errors, CancellationToken cancellationToken)
    {
        if (schema is not { ValueKind: not (JsonValueKind.Null or JsonValueKind.Undefined) } value)
        {
            return (null, null);
        }
        if (value.ValueKind is not (JsonValueKind.Object or JsonValueKind.True or JsonValueKind.False))
        {
            errors.Add("schema", "Give a JSON Schema: an object such as {\"type\": \"object\"}, or true / false.");
            return (null, null);
        }
        var json = value.GetRawText();
        if (json.Length > MaxSchemaBytes)
        {
            errors.Add("schema", $"Keep the schema to {MaxSchemaBytes / 1024} KiB.");
            return (null, null);
        }
        var (compiled, error) = await EventSchema.CompileAsync(json, cancellationToken);
        if (error is not null)
        {
            errors.Add("schema", $"The schema cannot be used: {error}");
        }
        return (json, compiled);
    }

    /// <summary>
    /// The example's text when it is a JSON object that the type's schema (if any) accepts: it becomes the data of a
    /// typed test send, so it must be a valid event of the type. Null for none.
    /// </summary>
    private static string? ExampleJson(JsonElement? example, EventSchema? schema, FieldErrors errors)
    {
        if (example is not { ValueKind: not (JsonValueKind.Null or JsonValueKind.Undefined) } value)
        {
            return null;
        }
        if (value.ValueKind != JsonValueKind.Object)
        {
            errors.Add("example", "Give an example of the event's data as a JSON object.");
            return null;
        }
        var json = value.GetRawText();
        if (json.Length > MaxSchemaBytes)
        {
            errors.Add("example", $"Keep the example to {MaxSchemaBytes / 1024} KiB.");
            return null;
        }
        schema?.Validate(value, "example", errors);
        return json;
    }

    private static bool IsCategory(string category) =>
        category.Length is >= 1 and <= 64 && category.All(c => char.IsAsciiLetterOrDigit(c) || c is ' ' or '_' or '-' or '.');
}
