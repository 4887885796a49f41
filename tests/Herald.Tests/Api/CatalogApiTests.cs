using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Herald.Tests.Infrastructure;

namespace Herald.Tests.Api;

public sealed class CatalogApiTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private HttpClient Admin => fixture.Client(ApiFixture.AdminKey);

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    [Fact]
    public async Task The_admin_puts_types_and_every_key_lists_them_by_category_a_page_at_a_time()
    {
        var p = CatalogTestData.Prefix();
        var (_, key) = await fixture.CreateAccountAsync();

        var created = await Admin.PutAsync($"/v1/event-types/{p}.server.provisioned", Json("""{"description":"A server is ready.","category":"compute"}"""));
        var replaced = await Admin.PutAsync($"/v1/event-types/{p}.server.provisioned", Json("""{"description":"A VPS is ready.","category":"compute"}"""));
        await Admin.PutAsync($"/v1/event-types/{p}.server.terminated", Json("""{"category":"compute","deprecated":true}"""));
        await Admin.PutAsync($"/v1/event-types/{p}.backup.completed", Json("""{"category":"storage"}"""));
        var refused = await fixture.Client(key).PutAsync($"/v1/event-types/{p}.sneaky", Json("""{"category":"compute"}"""));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var client = fixture.Client(key);
        var first = await client.GetFromJsonAsync<JsonElement>($"/v1/event-types?category=compute&limit=1&cursor={p}");
        var entry = first.GetProperty("data")[0];
        Assert.Equal($"{p}.server.provisioned", entry.GetProperty("type").GetString());
        Assert.Equal("A VPS is ready.", entry.GetProperty("description").GetString());
        Assert.False(entry.GetProperty("deprecated").GetBoolean());
        var cursor = first.GetProperty("next_cursor").GetString();
        var second = await client.GetFromJsonAsync<JsonElement>($"/v1/event-types?category=compute&limit=1&cursor={cursor}");
        Assert.Equal($"{p}.server.terminated", second.GetProperty("data")[0].GetProperty("type").GetString());
        Assert.True(second.GetProperty("data")[0].GetProperty("deprecated").GetBoolean());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/v1/event-types/{p}.sneaky")).StatusCode);
    }

    [Fact]
    public async Task A_publish_that_breaks_the_schema_answers_422_naming_the_failing_path_and_stores_nothing()
    {
        var p = CatalogTestData.Prefix();
        var (id, key) = await fixture.CreateAccountAsync();
        await Admin.PutAsync($"/v1/event-types/{p}.server.provisioned", Json($$"""{"category":"compute","schema":{{CatalogTestData.ServerSchema}}}"""));
        var client = fixture.Client(key);

        var badData = await client.PostAsJsonAsync("/v1/events", new { type = $"{p}.server.provisioned", data = new { server_id = "s", tags = new object[] { "a", 7 } } });
        var badPayload = await client.PostAsJsonAsync("/v1/events", new { type = $"{p}.server.provisioned", payload = new { server_id = "srv-8x29k4" } });
        var good = await client.PostAsJsonAsync("/v1/events", new { type = $"{p}.server.provisioned", data = new { server_id = "srv-8x29k4", region = "us-east-1" } });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, badData.StatusCode);
        var dataFields = (await badData.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(e => e.Name).ToHashSet();
        Assert.Superset(new HashSet<string> { "data.server_id", "data.region", "data.tags[1]" }, dataFields);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badPayload.StatusCode);
        Assert.Contains("payload.region", (await badPayload.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.Accepted, good.StatusCode);
        Assert.Equal(1L, await fixture.Database.ScalarAsync<long>("select count(*) from herald_events where account_id = @account", ("account", id)));
    }

    [Fact]
    public async Task Without_strict_mode_unknown_types_publish_and_subscribe()
    {
        var p = CatalogTestData.Prefix();
        var (_, key) = await fixture.CreateAccountAsync();
        var client = fixture.Client(key);

        var subscribed = await client.PostAsJsonAsync("/v1/webhooks", new { url = "http://127.0.0.1:9/x", events = new[] { $"{p}.anything" } });
        var published = await client.PostAsJsonAsync("/v1/events", new { type = $"{p}.anything", data = new { } });

        Assert.Equal(HttpStatusCode.Created, subscribed.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, published.StatusCode);
    }

    [Theory]
    [InlineData("""{"schema": "object"}""", "schema")]
    [InlineData("""{"schema": 7}""", "schema")]
    [InlineData("""{"schema": {"type": "string", "minLength": "three"}}""", "schema")]
    [InlineData("""{"category": ""}""", "category")]
    [InlineData("""{"category": "com/pute"}""", "category")]
    public async Task An_unusable_entry_answers_422_and_stores_nothing(string body, string field)
    {
        var p = CatalogTestData.Prefix();

        var response = await Admin.PutAsync($"/v1/event-types/{p}.x", Json(body));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _));
        Assert.Equal(HttpStatusCode.NotFound, (await Admin.GetAsync($"/v1/event-types/{p}.x")).StatusCode);
    }

    [Theory]
    [InlineData("server.*")]
    [InlineData("*")]
    [InlineData("server..created")]
    [InlineData("server created")]
    public async Task A_wildcard_or_malformed_type_cannot_be_put(string type)
    {
        var response = await Admin.PutAsync($"/v1/event-types/{Uri.EscapeDataString(type)}", Json("{}"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
    }

    [Fact]
    public async Task A_schema_that_refers_outside_itself_is_refused_without_fetching_anything()
    {
        await using var receiver = await Receiver.StartAsync();
        var p = CatalogTestData.Prefix();

        var response = await Admin.PutAsync($"/v1/event-types/{p}.x",
            Json($$$"""{"schema": {"$ref": "{{{receiver.Url("/schema.json")}}}"}}"""));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("only references inside the schema", await response.Content.ReadAsStringAsync());

        Assert.Empty(receiver.Requests);
    }
}
