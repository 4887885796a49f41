using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Herald.Api.Json;

/// <summary>Describes an <see cref="Optional{T}"/> field in the OpenAPI document as what it carries: a T, or null.</summary>
public static class OptionalSchema
{
    public static async Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = context.JsonTypeInfo.Type;
        if (!type.IsGenericType || type.GetGenericTypeDefinition() != typeof(Optional<>))
        {
            return;
        }
        var value = await context.GetOrCreateSchemaAsync(type.GetGenericArguments()[0], null, cancellationToken);
        schema.Type = value.Type | JsonSchemaType.Null;
        schema.Format = value.Format;
    }
}
