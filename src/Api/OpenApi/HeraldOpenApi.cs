using Microsoft.AspNetCore.OpenApi;

namespace Herald.Api.OpenApi;

/// <summary>Herald's settings of the OpenAPI document: the REST API only (not the dashboard), completed by the transformers.</summary>
public static class HeraldOpenApi
{
    public static void Configure(OpenApiOptions options)
    {
        options.ShouldInclude = description => description.RelativePath?.StartsWith("v1/", StringComparison.Ordinal) == true
            || description.RelativePath == "v1";
        options.AddDocumentTransformer<HeraldDocumentTransformer>();
        options.AddOperationTransformer<HeraldOperationTransformer>();
    }
}
