using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Herald.Tests.Infrastructure;

namespace Herald.Tests.Api;

public sealed class SourceApiTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task The_21st_webhook_of_a_source_answers_422_until_the_admin_raises_the_accounts_limit()
    {
        var (id, key) = await fixture.CreateAccountAsync();
        var client = fixture.Client(key);
        for (var i = 0; i < 20; i++)
        {
            var created = await client.PostAsJsonAsync("/v1/webhooks", new { url = $"http://127.0.0.1:9/{i}", events = new[] { "*" }, source = "node-02a1" });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        var refused = await client.PostAsJsonAsync("/v1/webhooks", new { url = "http://127.0.0.1:9/21", events = new[] { "*" }, source = "node-02a1" });
        var accountWide = await client.PostAsJsonAsync("/v1/webhooks", new { url = "http://127.0.0.1:9/all", events = new[] { "*" } });
        var raised = await fixture.Client(ApiFixture.AdminKey).PatchAsJsonAsync($"/v1/accounts/{id}", new { max_webhooks_per_source = 21 });
        var accepted = await client.PostAsJsonAsync("/v1/webhooks", new { url = "http://127.0.0.1:9/21", events = new[] { "*" }, source = "node-02a1" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("20 webhooks", problem.GetProperty("errors").GetProperty("source")[0].GetString());
        Assert.Equal("limit_reached", problem.GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Created, accountWide.StatusCode);
        Assert.Equal(21, (await raised.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("max_webhooks_per_source").GetInt32());
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        var list = await client.GetFromJsonAsync<JsonElement>("/v1/webhooks?limit=250");
        Assert.Equal(22, list.GetProperty("data").GetArrayLength());
    }

    [Fact]
    public async Task An_account_key_cannot_change_its_own_per_source_limit_but_may_send_back_the_one_it_has()
    {
        var (id, key) = await fixture.CreateAccountAsync();
        var client = fixture.Client(key);

        var raised = await client.PatchAsJsonAsync($"/v1/accounts/{id}", new { max_webhooks_per_source = 1000 });
        var unchanged = await client.PatchAsJsonAsync($"/v1/accounts/{id}", new { max_webhooks_per_source = 20, name = "renamed" });

        var problem = await Faults.ProblemAssert.IsAsync(raised, HttpStatusCode.Forbidden, "forbidden");
        Assert.True(problem.GetProperty("errors").TryGetProperty("max_webhooks_per_source", out _));
        Assert.Equal(HttpStatusCode.OK, unchanged.StatusCode);
        var account = await client.GetFromJsonAsync<JsonElement>($"/v1/accounts/{id}");
        Assert.Equal(20, account.GetProperty("max_webhooks_per_source").GetInt32());
        Assert.Equal("renamed", account.GetProperty("name").GetString());
    }

    [Fact]
    public async Task An_event_with_a_source_reaches_account_wide_webhooks_and_that_sources_only()
    {
        await using var receiver = await Receiver.StartAsync();
        var (_, key) = await fixture.CreateAccountAsync();
        var client = fixture.Client(key);
        await client.PostAsJsonAsync("/v1/webhooks", new { url = receiver.Url("/all"), events = new[] { "*" } });
        await client.PostAsJsonAsync("/v1/webhooks", new { url = receiver.Url("/node-a"), events = new[] { "*" }, source = "node-a" });
        await client.PostAsJsonAsync("/v1/webhooks", new { url = receiver.Url("/node-b"), events = new[] { "*" }, source = "node-b" });

        var published = await client.PostAsJsonAsync("/v1/events", new { type = "invoice_payment", source = "node-a", payload = new { node_id = "node-a" } });

        Assert.Equal(2, (await published.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("endpoints").GetInt32());
        var requests = await Eventually.ReturnsAsync(() => receiver.Requests, r => r.Count >= 2, what: "two deliveries");
        Assert.Equal(["/all", "/node-a"], requests.Select(r => r.Path).Order());
    }

    [Fact]
    public async Task New_accounts_show_the_deployment_default_limit()
    {
        var created = await fixture.Client(ApiFixture.AdminKey).PostAsJsonAsync("/v1/accounts", new { name = "greenlight" });

        Assert.Equal(20, (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("max_webhooks_per_source").GetInt32());
    }
}
