using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Herald.Tests.Api;

public sealed class ApiContractTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Routes_without_a_valid_key_answer_401_problem_details()
    {
        var none = await fixture.Client(null).GetAsync("/v1/webhooks");
        var wrong = await fixture.Client("hk_wrong").GetAsync("/v1/webhooks");

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal("application/problem+json", wrong.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task An_account_key_cannot_create_accounts()
    {
        var (_, key) = await fixture.CreateAccountAsync();

        var response = await fixture.Client(key).PostAsJsonAsync("/v1/accounts", new { name = "sneaky" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Invalid_webhook_fields_answer_422_naming_each_field_and_create_nothing()
    {
        var (_, key) = await fixture.CreateAccountAsync();
        var client = fixture.Client(key);

        var response = await client.PostAsJsonAsync("/v1/webhooks", new
        {
            url = "ftp://user:pw@example.com/x",
            events = new[] { "server.*.bad" },
            timeout_seconds = 120,
            retry = new { schedule = new[] { "soon" } },
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var fields = problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToHashSet();
        Assert.Superset(new HashSet<string> { "url", "events[0]", "timeout_seconds", "retry.schedule[0]" }, fields);
        var list = await client.GetFromJsonAsync<JsonElement>("/v1/webhooks");
        Assert.Equal(0, list.GetProperty("data").GetArrayLength());
    }

    [Fact]
    public async Task Malformed_json_answers_400_problem_details()
    {
        var (_, key) = await fixture.CreateAccountAsync();

        var response = await fixture.Client(key).PostAsync("/v1/events",
            new StringContent("""{"type": "a.b", "data": {""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Another_accounts_webhook_answers_404_and_is_not_deleted()
    {
        var (_, ownerKey) = await fixture.CreateAccountAsync("owner");
        var (_, otherKey) = await fixture.CreateAccountAsync("other");
        var created = await fixture.Client(ownerKey).PostAsJsonAsync("/v1/webhooks", new { url = "http://127.0.0.1:9/x", events = new[] { "*" } });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var other = fixture.Client(otherKey);

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/v1/webhooks/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.DeleteAsync($"/v1/webhooks/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/v1/webhooks/{id}/deliveries")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await fixture.Client(ownerKey).GetAsync($"/v1/webhooks/{id}")).StatusCode);
    }

    [Fact]
    public async Task Bulk_delete_removes_own_webhooks_and_reports_others_as_not_found()
    {
        var (_, ownerKey) = await fixture.CreateAccountAsync("owner");
        var (_, otherKey) = await fixture.CreateAccountAsync("other");
        async Task<string> CreateAsync(string key) => (await (await fixture.Client(key).PostAsJsonAsync("/v1/webhooks",
            new { url = "http://127.0.0.1:9/x", events = new[] { "*" } })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var (a, b, foreign) = (await CreateAsync(ownerKey), await CreateAsync(ownerKey), await CreateAsync(otherKey));

        var response = await fixture.Client(ownerKey).DeleteAsync($"/v1/webhooks?ids={a},{b},{foreign}");

        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal([a, b], result.GetProperty("deleted").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal([foreign], result.GetProperty("not_found").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Client(ownerKey).GetAsync($"/v1/webhooks/{a}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await fixture.Client(otherKey).GetAsync($"/v1/webhooks/{foreign}")).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await fixture.Client(ownerKey).DeleteAsync("/v1/webhooks")).StatusCode);
    }

    [Fact]
    public async Task Webhook_list_and_get_never_show_the_secret()
    {
        var (_, key) = await fixture.CreateAccountAsync();
        var client = fixture.Client(key);
        var created = await client.PostAsJsonAsync("/v1/webhooks", new { url = "http://127.0.0.1:9/x", events = new[] { "*" } });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

        var one = await client.GetStringAsync($"/v1/webhooks/{id}");
        var all = await client.GetStringAsync("/v1/webhooks");

        Assert.DoesNotContain("secret", one);
        Assert.DoesNotContain("whsec_", all);
        Assert.Contains(id!, all);
    }

    [Fact]
    public async Task Health_and_openapi_answer_without_a_key()
    {
        var client = fixture.Client(null);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
        var openApi = await client.GetStringAsync("/openapi/v1.json");
        Assert.Contains("/v1/webhooks/{id}/deliveries", openApi);
    }

    [Fact]
    public async Task The_openapi_document_shows_every_webhook_route_and_the_patch_body_without_a_secret()
    {
        var openApi = await fixture.Client(null).GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = openApi.GetProperty("paths");
        string[] Methods(string path) => paths.GetProperty(path).EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray();

        Assert.Equal(["delete", "get", "post"], Methods("/v1/webhooks"));
        Assert.Equal(["delete", "get", "patch"], Methods("/v1/webhooks/{id}"));
        var body = paths.GetProperty("/v1/webhooks/{id}").GetProperty("patch").GetProperty("requestBody").GetProperty("content")
            .GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString();
        Assert.Equal("#/components/schemas/PatchWebhookRequest", body);
        string[] Fields(string schema) => openApi.GetProperty("components").GetProperty("schemas").GetProperty(schema).GetProperty("properties")
            .EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray();
        string[] patchable = ["description", "events", "headers", "max_in_flight", "ordering", "rate_limit", "retry", "signature", "source", "timeout_seconds", "url"];
        Assert.Equal(patchable, Fields("PatchWebhookRequest"));
        Assert.Equal(patchable.Append("account_id").Append("secret").Append("test").Order(StringComparer.Ordinal), Fields("CreateWebhookRequest"));
    }
}
