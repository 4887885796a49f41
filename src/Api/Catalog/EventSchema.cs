using System.Text.Json;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Validation;

namespace Herald.Api.Catalog;

/// <summary>
/// A catalog type's JSON Schema, compiled once (NJsonSchema: drafts 4–7, local <c>$ref</c> only), and the check of a
/// publish against it, reporting each failure at its JSON path (<c>data.server.id</c>).
/// </summary>
public sealed class EventSchema
{
    private readonly JsonSchema _schema;

    private EventSchema(JsonSchema schema) => _schema = schema;

    /// <summary>Compiles a schema; null and a reason when it is not one Herald can use.</summary>
    public static async Task<(EventSchema? Schema, string? Error)> CompileAsync(string json, CancellationToken cancellationToken = default)
    {
        try
        {
            var schema = await JsonSchema.FromJsonAsync(json, null, root => new LocalReferenceResolver(root), cancellationToken);
            return (new EventSchema(schema), null);
        }
        catch (Exception exception) when (exception is NotSupportedException or InvalidOperationException or System.Text.Json.JsonException
            or Newtonsoft.Json.JsonException or ArgumentException or FormatException)
        {
            // NJsonSchema wraps the resolver's refusal; its own message is the one worth showing.
            return (null, (exception.InnerException as NotSupportedException ?? exception).Message);
        }
    }

    /// <summary>Adds one error per failing location, named <paramref name="field"/> + its path within the value.</summary>
    public void Validate(JsonElement value, string field, Api.Json.FieldErrors errors)
    {
        using var reader = new JsonTextReader(new StringReader(value.GetRawText()))
        {
            DateParseHandling = DateParseHandling.None,
            FloatParseHandling = FloatParseHandling.Decimal,
            MaxDepth = 128,
        };
        var token = JToken.ReadFrom(reader);
        foreach (var error in Flatten(_schema.Validate(token)))
        {
            errors.Add(FieldPath(field, error.Path), Describe(error));
        }
    }

    private static IEnumerable<ValidationError> Flatten(IEnumerable<ValidationError> errors)
    {
        foreach (var error in errors)
        {
            if (error is ChildSchemaValidationError child && child.Errors.Values.Any(e => e.Count > 0))
            {
                foreach (var inner in Flatten(child.Errors.Values.SelectMany(e => e)))
                {
                    yield return inner;
                }
            }
            else
            {
                yield return error;
            }
        }
    }

    // NJsonSchema paths read "#/server.tags[1]"; the API names fields "data.server.tags[1]".
    private static string FieldPath(string field, string? path)
    {
        var inner = (path ?? "").TrimStart('#').TrimStart('/');
        return inner.Length == 0 ? field : inner.StartsWith('[') ? field + inner : $"{field}.{inner}";
    }

    private static string Describe(ValidationError error) =>
        $"Does not match the event type's schema: {error.Kind}.";
}
