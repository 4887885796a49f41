using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Herald.Api.Json;
using Herald.Tests.Api.Faults;
using Herald.Tests.Infrastructure;
using static Herald.Tests.Api.Conventions.IdempotentCalls;

namespace Herald.Tests.Api.Conventions;

public sealed class AccountDeleteTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Deleting_an_account_leaves_no_row_of_it_in_any_table_and_the_other_account_untouched()
    {
        await using var receiver = await Receiver.StartAsync();
        receiver.Behave = (_, request) => request.Path == "/failing" ? 500 : Reply.Ok;
        var admin = fixture.Client(ApiFixture.AdminKey);
        var gone = await SetUpAsync(admin, receiver, "gone");
        var kept = await SetUpAsync(admin, receiver, "kept");
        var goneIds = gone.Ids;
        var keptBefore = await AccountRows.MentioningAsync(fixture.Database, kept.Ids);
        Assert.Contains(goneIds, id => id.StartsWith("wh_", StringComparison.Ordinal));
        var goneBefore = await AccountRows.MentioningAsync(fixture.Database, goneIds);
        foreach (var table in new[] { "herald_accounts", "herald_api_keys", "herald_events", "herald_deliveries", "herald_attempts",
                     "herald_idempotency", "orleansstorage", "orleansreminderstable" })
        {
            Assert.True(goneBefore[table] > 0, $"the set-up left nothing in {table} to delete");
        }

        var deleted = await admin.DeleteAsync($"/v1/accounts/{gone.AccountId}");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        // The webhooks' own rows, state and reminders go in their grains' turn, just after the answer.
        var left = await Eventually.ReturnsAsync(() => AccountRows.MentioningAsync(fixture.Database, goneIds),
            counts => counts.Values.All(n => n == 0), what: "no row of the deleted account");
        Assert.All(left, table => Assert.Equal(0, table.Value));
        Assert.Equal(keptBefore, await AccountRows.MentioningAsync(fixture.Database, kept.Ids));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/v1/accounts/{gone.AccountId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/v1/webhooks/{gone.WebhookId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.Client(gone.Key).GetAsync($"/v1/accounts/{gone.AccountId}")).StatusCode);
        var stillDelivering = await fixture.Client(kept.Key).PostAsJsonAsync("/v1/events", new { type = "a.after", data = new { } });
        Assert.Equal(HttpStatusCode.Accepted, stillDelivering.StatusCode);
        await Eventually.ReturnsAsync(() => receiver.Requests, r => r.Any(x => Encoding.UTF8.GetString(x.Body).Contains("a.after", StringComparison.Ordinal)), what: "the kept account still delivers");
    }

    [Fact]
    public async Task A_repeated_delete_answers_404_and_changes_nothing()
    {
        var admin = fixture.Client(ApiFixture.AdminKey);
        var (goneId, _) = await fixture.CreateAccountAsync();
        var (keptId, _) = await fixture.CreateAccountAsync();
        await admin.DeleteAsync($"/v1/accounts/{goneId}");

        var again = await admin.DeleteAsync($"/v1/accounts/{goneId}");

        await ProblemAssert.IsAsync(again, HttpStatusCode.NotFound, ProblemCodes.NotFound);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/v1/accounts/{keptId}")).StatusCode);
    }

    [Fact]
    public async Task Only_the_admin_deletes_an_account()
    {
        var (id, key) = await fixture.CreateAccountAsync();
        var (otherId, _) = await fixture.CreateAccountAsync();

        var own = await fixture.Client(key).DeleteAsync($"/v1/accounts/{id}");
        var other = await fixture.Client(key).DeleteAsync($"/v1/accounts/{otherId}");

        // The access table refuses every account key on an admin route before it runs, the same for its own account
        // and another's: the answer says nothing of whether the other account exists.
        await ProblemAssert.IsAsync(own, HttpStatusCode.Forbidden, ProblemCodes.Forbidden);
        await ProblemAssert.IsAsync(other, HttpStatusCode.Forbidden, ProblemCodes.Forbidden);
        Assert.Equal(HttpStatusCode.OK, (await fixture.Client(key).GetAsync($"/v1/accounts/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await fixture.Client(ApiFixture.AdminKey).GetAsync($"/v1/accounts/{otherId}")).StatusCode);
    }

    /// <summary>An account with something in every table: keys, an active and a failing webhook, events, attempts, stored answers.</summary>
    private async Task<Tenant> SetUpAsync(HttpClient admin, Receiver receiver, string name)
    {
        var created = await PostAsync(admin, "/v1/accounts", $"account-{name}", new { name });
        var account = await created.Content.ReadFromJsonAsync<JsonElement>();
        var (accountId, key) = (account.GetProperty("id").GetString()!, account.GetProperty("api_key").GetString()!);
        var client = fixture.Client(key);
        var webhook = await (await PostAsync(client, "/v1/webhooks", "ok", new { url = receiver.Url($"/{name}"), events = new[] { "*" } }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var failing = await (await client.PostAsJsonAsync("/v1/webhooks", new { url = receiver.Url("/failing"), events = new[] { "*" },
            retry = new { schedule = new[] { "1h" } } })).Content.ReadFromJsonAsync<JsonElement>();
        var webhookId = webhook.GetProperty("id").GetString()!;
        var failingId = failing.GetProperty("id").GetString()!;
        (await PostAsync(client, "/v1/events", $"evt-{name}", new { type = "a.b", data = new { } })).EnsureSuccessStatusCode();
        // Both attempts recorded: the success, and the failure whose retry waits on the webhook's wake reminder.
        await Eventually.ReturnsAsync(() => fixture.Database.ScalarAsync<long>(
                "select count(*) from herald_attempts where endpoint_id = any(@ids)", ("ids", new[] { webhookId, failingId })),
            n => n == 2, what: $"{name}: two attempts");
        return new Tenant(accountId, key, webhookId, [accountId, webhookId, failingId, key]);
    }

    private sealed record Tenant(string AccountId, string Key, string WebhookId, IReadOnlyCollection<string> Ids);
}
