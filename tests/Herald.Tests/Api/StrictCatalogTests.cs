using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Herald.Tests.Api;

public sealed class StrictCatalogTests(StrictCatalogApiFixture fixture) : IClassFixture<StrictCatalogApiFixture>
{
    private async Task PutAsync(string type, bool deprecated = false) =>
        (await fixture.Client(ApiFixture.AdminKey).PutAsync($"/v1/event-types/{type}",
            new StringContent($$"""{"category":"compute","deprecated":{{(deprecated ? "true" : "false")}}}""", Encoding.UTF8, "application/json")))
        .EnsureSuccessStatusCode();

    [Fact]
    public async Task Publishing_an_unknown_type_answers_422_and_a_listed_one_202()
    {
        var p = CatalogTestData.Prefix();
        await PutAsync($"{p}.server.provisioned");
        var (id, key) = await fixture.CreateAccountAsync();
        var client = fixture.Client(key);

        var unknown = await client.PostAsJsonAsync("/v1/events", new { type = $"{p}.server.exploded", data = new { } });
        var known = await client.PostAsJsonAsync("/v1/events", new { type = $"{p}.server.provisioned", data = new { } });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknown.StatusCode);
        Assert.Contains("not in the event catalog", (await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("type")[0].GetString());
        Assert.Equal(HttpStatusCode.Accepted, known.StatusCode);
        Assert.Equal(1L, await fixture.Database.ScalarAsync<long>("select count(*) from herald_events where account_id = @account", ("account", id)));
    }

    [Fact]
    public async Task Subscriptions_must_name_or_match_a_listed_type()
    {
        var p = CatalogTestData.Prefix();
        var (_, key) = await fixture.CreateAccountAsync();
        var client = fixture.Client(key);
        async Task<HttpStatusCode> SubscribeAsync(params string[] events) =>
            (await client.PostAsJsonAsync("/v1/webhooks", new { url = "http://127.0.0.1:9/x", events })).StatusCode;

        Assert.Equal(HttpStatusCode.UnprocessableEntity, await SubscribeAsync($"{p}.server.provisioned"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, await SubscribeAsync($"{p}.server.*"));
        await PutAsync($"{p}.server.provisioned");
        await PutAsync($"{p}.server.legacy", deprecated: true);

        Assert.Equal(HttpStatusCode.Created, await SubscribeAsync($"{p}.server.provisioned"));
        Assert.Equal(HttpStatusCode.Created, await SubscribeAsync($"{p}.server.*"));
        Assert.Equal(HttpStatusCode.Created, await SubscribeAsync("*"));
        Assert.Equal(HttpStatusCode.Created, await SubscribeAsync("webhook.disabled", "delivery.*"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, await SubscribeAsync($"{p}.server.legacy"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, await SubscribeAsync($"{p}.server.provisioned", $"{p}.billing.*"));
        var list = await client.GetFromJsonAsync<JsonElement>("/v1/webhooks");
        Assert.Equal(4, list.GetProperty("data").GetArrayLength());
    }

    [Fact]
    public async Task A_patch_checks_new_subscriptions_against_the_catalog_and_keeps_the_ones_the_webhook_has()
    {
        var p = CatalogTestData.Prefix();
        await PutAsync($"{p}.server.provisioned");
        var client = fixture.Client((await fixture.CreateAccountAsync()).Key);
        var created = await client.PostAsJsonAsync("/v1/webhooks", new { url = "http://127.0.0.1:9/x", events = new[] { $"{p}.server.provisioned" } });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var before = await client.GetStringAsync($"/v1/webhooks/{id}");
        async Task<HttpResponseMessage> PatchAsync(params string[] events) => await client.PatchAsJsonAsync($"/v1/webhooks/{id}", new { events });

        var unknown = await PatchAsync($"{p}.server.provisioned", $"{p}.server.exploded");
        var unchanged = await client.GetStringAsync($"/v1/webhooks/{id}");
        await PutAsync($"{p}.server.provisioned", deprecated: true);
        await PutAsync($"{p}.billing.paid");
        var keepsDeprecated = await PatchAsync($"{p}.server.provisioned", $"{p}.billing.*");
        var dropsDeprecated = await PatchAsync($"{p}.billing.paid");
        var redropsDeprecated = await PatchAsync($"{p}.billing.paid", $"{p}.server.provisioned");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknown.StatusCode);
        var errors = (await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["events[1]"], errors.EnumerateObject().Select(e => e.Name));
        Assert.Contains("matches no type in the event catalog", errors.GetProperty("events[1]")[0].GetString());
        Assert.Equal(before, unchanged);
        Assert.Equal(HttpStatusCode.OK, keepsDeprecated.StatusCode);
        Assert.Equal(HttpStatusCode.OK, dropsDeprecated.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, redropsDeprecated.StatusCode);
        Assert.Equal([$"{p}.billing.paid"], (await client.GetFromJsonAsync<JsonElement>($"/v1/webhooks/{id}")).GetProperty("events").EnumerateArray().Select(e => e.GetString()));
    }
}
