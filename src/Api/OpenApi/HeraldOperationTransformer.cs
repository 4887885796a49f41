using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Herald.Api.OpenApi;

/// <summary>
/// Completes every <c>/v1</c> operation from the central tables: its <c>operationId</c> and summary
/// (<see cref="OperationNames"/>), the bearer requirement, a problem answer for each error status it can answer
/// (<see cref="ErrorStatuses"/>) and an example body (<see cref="RequestExamples"/>).
/// </summary>
public sealed class HeraldOperationTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var description = context.Description;
        var path = description.RelativePath ?? "";
        if (!path.StartsWith("v1/", StringComparison.Ordinal) || description.HttpMethod is not { } method)
        {
            return Task.CompletedTask;
        }
        var key = OperationNames.Key(method, path);
        var name = OperationNames.Find(key);
        if (name is not null)
        {
            operation.OperationId = name.Id;
            operation.Summary = name.Summary;
        }
        var document = context.Document;
        operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(HeraldDocumentTransformer.BearerScheme, document)] = [] }];
        var hasQuery = operation.Parameters?.Any(p => p.In == ParameterLocation.Query) ?? false;
        operation.Responses ??= [];
        foreach (var status in ErrorStatuses.For(method.ToUpperInvariant(), path, hasQuery, name))
        {
            operation.Responses[status.ToString(System.Globalization.CultureInfo.InvariantCulture)] = Problem(status, document);
        }
        if (RequestExamples.For(key) is { } example && operation.RequestBody?.Content?.TryGetValue("application/json", out var body) == true)
        {
            body.Example = example;
        }
        return Task.CompletedTask;
    }

    private static OpenApiResponse Problem(int status, OpenApiDocument? document) => new()
    {
        Description = ProblemExamples.When(status),
        Content = new Dictionary<string, OpenApiMediaType>
        {
            ["application/problem+json"] = new()
            {
                Schema = new OpenApiSchemaReference(HeraldDocumentTransformer.ProblemSchema, document),
                Example = ProblemExamples.For(status),
            },
        },
    };
}
