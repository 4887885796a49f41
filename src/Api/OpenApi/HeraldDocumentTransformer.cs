using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Herald.Api.OpenApi;

/// <summary>The document's title and description, the bearer security scheme and the problem schema that every error answer uses.</summary>
public sealed class HeraldDocumentTransformer : IOpenApiDocumentTransformer
{
    public const string BearerScheme = "bearer";
    public const string ProblemSchema = "Problem";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "Herald API",
            Version = "v1",
            Description = "Herald delivers the events a platform publishes to its customers' webhooks: signed, retried, in order. "
                + "JSON is snake_case; durations are written `500ms`, `10s`, `5m`, `2h`, `1d`; lists are pages "
                + "(`limit`, `cursor` → `next_cursor`); every error is an RFC 9457 problem with a stable `code` (docs/errors.md).",
        };
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "The admin key, an account key (`hk_…`) or a portal token (`hpt_…`).",
        };
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas[ProblemSchema] = Problem();
        return Task.CompletedTask;
    }

    private static OpenApiSchema Problem() => new()
    {
        Type = JsonSchemaType.Object,
        Description = "An RFC 9457 problem. Branch on `status` and `code`; `title` and `detail` are for people.",
        Required = new HashSet<string> { "status", "title", "code" },
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["type"] = Text("The section of the HTTP specification that defines the status."),
            ["title"] = Text("A short summary of the problem."),
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Description = "The HTTP status." },
            ["detail"] = Text("What went wrong in this request."),
            ["instance"] = Text("The request's path."),
            ["code"] = Text("The stable, machine-readable code (docs/errors.md)."),
            ["errors"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = "Each wrong field (JSON path) or parameter, with why.",
                AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
            },
            ["trace_id"] = Text("The request's trace id, as in Herald's log."),
        },
        Examples = [new JsonObject { ["title"] = "Not found", ["status"] = 404, ["detail"] = "Webhook wh_2mJ8k does not exist.", ["code"] = "not_found" }],
    };

    private static OpenApiSchema Text(string description) => new() { Type = JsonSchemaType.String, Description = description };
}
