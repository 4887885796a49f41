using System.Text.Json;
using System.Text.RegularExpressions;
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
            using var document = JsonDocument.Parse(json);
            return InvalidPattern(document.RootElement) is { } pattern
                ? (null, $"\"{pattern}\" is not a valid regular expression.")
                : (new EventSchema(schema), null);
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
        ICollection<ValidationError> failures;
        try
        {
            failures = _schema.Validate(token);
        }
        catch (RegexMatchTimeoutException)
        {
            errors.Add(field, "The event type's schema took too long to check this value (a pattern backtracks); it was not accepted.");
            return;
        }
        foreach (var error in Flatten(failures))
        {
            errors.Add(FieldPath(field, error.Path), Describe(error));
        }
    }

    /// <summary>
    /// The first <c>pattern</c> or <c>patternProperties</c> name that does not compile, or null. NJsonSchema compiles them
    /// only while validating, so a bad one would otherwise fail each publish rather than the schema's registration.
    /// </summary>
    private static string? InvalidPattern(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    var candidates = property.Name switch
                    {
                        "pattern" when property.Value.ValueKind == JsonValueKind.String => [property.Value.GetString()!],
                        "patternProperties" when property.Value.ValueKind == JsonValueKind.Object =>
                            property.Value.EnumerateObject().Select(p => p.Name).ToArray(),
                        _ => Array.Empty<string>(),
                    };
                    if (candidates.FirstOrDefault(p => !Compiles(p)) is { } bad)
                    {
                        return bad;
                    }
                    if (InvalidPattern(property.Value) is { } nested)
                    {
                        return nested;
                    }
                }
                return null;
            case JsonValueKind.Array:
                return element.EnumerateArray().Select(InvalidPattern).FirstOrDefault(p => p is not null);
            default:
                return null;
        }
    }

    private static bool Compiles(string pattern)
    {
        try
        {
            _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
            return true;
        }
        catch (ArgumentException)
        {
            return false;
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
