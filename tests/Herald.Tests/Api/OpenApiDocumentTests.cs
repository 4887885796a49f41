using System.Net.Http.Json;
using System.Text.Json;
using Herald.Api.OpenApi;
using Herald.Tests.Infrastructure;

namespace Herald.Tests.Api;

public sealed class OpenApiDocumentTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch"];

    [Fact]
    public async Task Every_v1_operation_has_its_line_in_OperationNames()
    {
        var document = await DocumentAsync();

        var missing = Operations(document)
            .Where(o => !o.Operation.TryGetProperty("operationId", out _) || !o.Operation.TryGetProperty("summary", out _))
            .Select(o => o.Key)
            .ToList();

        Assert.True(missing.Count == 0, "Add these routes to src/Api/OpenApi/OperationNames.cs: " + string.Join(", ", missing));
        Assert.Contains(Operations(document), o => o.Key == "POST /v1/events" && o.Operation.GetProperty("operationId").GetString() == "publishEvent");
    }

    [Fact]
    public async Task The_document_passes_an_OpenAPI_3_1_validator()
    {
        var document = await DocumentAsync();

        var (valid, output) = await NodeScript.RunAsync("validate-openapi.mjs", document);

        Assert.True(valid, output);
        Assert.StartsWith("3.1", document.GetProperty("openapi").GetString());
    }

    [Fact]
    public async Task Every_v1_operation_requires_the_bearer_scheme_and_answers_its_errors_as_problems_with_a_code()
    {
        var document = await DocumentAsync();
        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("bearer");
        var problem = document.GetProperty("components").GetProperty("schemas").GetProperty("Problem");

        Assert.Equal("http", scheme.GetProperty("type").GetString());
        Assert.Equal("bearer", scheme.GetProperty("scheme").GetString());
        Assert.True(problem.GetProperty("properties").TryGetProperty("code", out _));
        foreach (var (key, operation) in Operations(document))
        {
            Assert.True(operation.GetProperty("security")[0].TryGetProperty("bearer", out _), key);
            var responses = operation.GetProperty("responses");
            foreach (var status in new[] { "401", "403", "429", "500", "503" })
            {
                Assert.True(responses.TryGetProperty(status, out var answer), $"{key} lacks {status}");
                var content = answer.GetProperty("content").GetProperty("application/problem+json");
                Assert.Equal("#/components/schemas/Problem", content.GetProperty("schema").GetProperty("$ref").GetString());
                Assert.Equal(int.Parse(status), content.GetProperty("example").GetProperty("status").GetInt32());
                Assert.False(string.IsNullOrEmpty(content.GetProperty("example").GetProperty("code").GetString()));
            }
        }
    }

    [Fact]
    public async Task Routes_with_an_id_answer_404_and_routes_with_a_body_answer_422_and_carry_an_example()
    {
        var document = await DocumentAsync();
        var operations = Operations(document).ToDictionary(o => o.Key, o => o.Operation);

        Assert.True(operations["GET /v1/webhooks/{id}"].GetProperty("responses").TryGetProperty("404", out _));
        Assert.False(operations["GET /v1/event-types"].GetProperty("responses").TryGetProperty("404", out _));
        var create = operations["POST /v1/webhooks"];
        Assert.True(create.GetProperty("responses").TryGetProperty("422", out _));
        var example = create.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("example");
        Assert.Equal("https://example.com/hooks", example.GetProperty("url").GetString());
    }

    [Fact]
    public async Task The_dashboard_is_not_part_of_the_document()
    {
        var document = await DocumentAsync();

        Assert.All(document.GetProperty("paths").EnumerateObject(), path => Assert.StartsWith("/v1", path.Name));
    }

    [Fact]
    public void OperationNames_finds_a_route_whatever_its_parameters_are_called_and_nothing_else()
    {
        Assert.Equal("retryDelivery", OperationNames.Find("POST /v1/webhooks/{webhook}/deliveries/{dlv}/retry")?.Id);
        Assert.Null(OperationNames.Find("POST /v1/webhooks/{id}/unknown"));
        Assert.Equal(OperationNames.All.Count, OperationNames.All.Values.Select(n => n.Id).Distinct().Count());
    }

    private async Task<JsonElement> DocumentAsync() =>
        await fixture.Client(null).GetFromJsonAsync<JsonElement>("/openapi/v1.json");

    private static IEnumerable<(string Key, JsonElement Operation)> Operations(JsonElement document) =>
        from path in document.GetProperty("paths").EnumerateObject()
        where path.Name.StartsWith("/v1", StringComparison.Ordinal)
        from method in path.Value.EnumerateObject()
        where Methods.Contains(method.Name)
        select ($"{method.Name.ToUpperInvariant()} {path.Name}", method.Value);
}
