using System.Net;
using System.Net.Http.Json;
using Herald.Tests.Api.Faults;

namespace Herald.Tests.Api;

public sealed class AccountLimitTests(AccountLimitApiFixture fixture) : IClassFixture<AccountLimitApiFixture>
{
    [Fact]
    public async Task A_webhook_past_the_accounts_limit_answers_422_limit_reached_until_one_is_deleted()
    {
        var (_, key) = await fixture.CreateAccountAsync();
        var client = fixture.Client(key);
        var webhooks = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            webhooks.Add(await TenantState.CreateWebhookAsync(client, $"http://127.0.0.1:9/{i}"));
        }

        var refused = await client.PostAsJsonAsync("/v1/webhooks", new { url = "http://127.0.0.1:9/4", events = new[] { "*" }, source = "node-1" });
        await ProblemAssert.IsAsync(refused, HttpStatusCode.UnprocessableEntity, "limit_reached");
        Assert.Equal(3, (await client.GetFromJsonAsync<System.Text.Json.JsonElement>("/v1/webhooks")).GetProperty("data").GetArrayLength());

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/v1/webhooks/{webhooks[0]}")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/v1/webhooks", new { url = "http://127.0.0.1:9/4", events = new[] { "*" } })).StatusCode);
    }
}
