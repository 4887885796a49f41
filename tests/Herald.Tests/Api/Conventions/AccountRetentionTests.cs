using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Herald.Api.Json;
using Herald.Grains.Recovery;
using Herald.Tests.Api.Faults;
using Herald.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Herald.Tests.Api.Conventions;

/// <summary>An account's own <c>retention</c>: at most the deployment's (30 days here), null for the deployment's.</summary>
public sealed class AccountRetentionTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Retention_is_set_shown_and_cleared_back_to_the_deployments()
    {
        var admin = fixture.Client(ApiFixture.AdminKey);
        var created = await (await admin.PostAsJsonAsync("/v1/accounts", new { name = "short", retention = "7d" })).Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetString()!;

        var changed = await admin.PatchAsJsonAsync($"/v1/accounts/{id}", new { retention = "2h" });
        var shown = await admin.GetFromJsonAsync<JsonElement>($"/v1/accounts/{id}");
        var stored = await fixture.Database.ScalarAsync<TimeSpan>("select retention from herald_accounts where account_id = @id", ("id", id));
        var cleared = await (await admin.PatchAsync($"/v1/accounts/{id}", JsonContent.Create(new { retention = (string?)null })))
            .Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal("7d", created.GetProperty("retention").GetString());
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal("2h", shown.GetProperty("retention").GetString());
        Assert.Equal(TimeSpan.FromHours(2), stored);
        Assert.Equal(JsonValueKind.Null, cleared.GetProperty("retention").ValueKind);
        Assert.True(await fixture.Database.ScalarAsync<bool>("select retention is null from herald_accounts where account_id = @id", ("id", id)));
    }

    [Theory]
    [InlineData("31d")]
    [InlineData("30m")]
    [InlineData("soon")]
    public async Task A_retention_longer_than_the_deployments_or_not_a_duration_is_refused_and_changes_nothing(string retention)
    {
        var (id, key) = await fixture.CreateAccountAsync();

        var response = await fixture.Client(key).PatchAsJsonAsync($"/v1/accounts/{id}", new { retention, name = "renamed" });

        var problem = await ProblemAssert.IsAsync(response, HttpStatusCode.UnprocessableEntity, ProblemCodes.ValidationFailed);
        Assert.True(problem.GetProperty("errors").TryGetProperty("retention", out _));
        var account = await fixture.Client(key).GetFromJsonAsync<JsonElement>($"/v1/accounts/{id}");
        Assert.Equal(("test", JsonValueKind.Null), (account.GetProperty("name").GetString(), account.GetProperty("retention").ValueKind));
    }

    [Fact]
    public async Task The_retention_job_purges_an_accounts_rows_older_than_its_own_retention_and_keeps_the_others()
    {
        await using var receiver = await Receiver.StartAsync();
        var (shortId, shortWebhook) = await AccountWithOneDeliveredEventAsync(receiver, "2h");
        var (globalId, globalWebhook) = await AccountWithOneDeliveredEventAsync(receiver, null);
        // Both accounts' rows made three hours ago: past the short retention, well within the deployment's 30 days.
        foreach (var sql in new[]
                 {
                     "update herald_events set created_at = created_at - interval '3 hours' where account_id = any(@ids)",
                     "update herald_deliveries set created_at = created_at - interval '3 hours' where account_id = any(@ids)",
                     """
                     update herald_attempts set attempted_at = attempted_at - interval '3 hours'
                     where delivery_id in (select delivery_id from herald_deliveries where account_id = any(@ids))
                     """,
                 })
        {
            await fixture.Database.ExecuteAsync(sql, ("ids", new[] { shortId, globalId }));
        }

        await fixture.Services.GetRequiredService<IGrainFactory>().GetGrain<IDeliverySweeperGrain>(IDeliverySweeperGrain.Key).PurgeAsync();

        Assert.Equal((0, 0, 0), await RowsAsync(shortId, shortWebhook));
        Assert.Equal((1, 1, 1), await RowsAsync(globalId, globalWebhook));
    }

    private async Task<(string AccountId, string WebhookId)> AccountWithOneDeliveredEventAsync(Receiver receiver, string? retention)
    {
        var admin = fixture.Client(ApiFixture.AdminKey);
        var account = await (await admin.PostAsJsonAsync("/v1/accounts", new { name = "r", retention })).Content.ReadFromJsonAsync<JsonElement>();
        var client = fixture.Client(account.GetProperty("api_key").GetString());
        var webhook = await (await client.PostAsJsonAsync("/v1/webhooks", new { url = receiver.Url(), events = new[] { "*" } }))
            .Content.ReadFromJsonAsync<JsonElement>();
        (await client.PostAsJsonAsync("/v1/events", new { type = "a.b", data = new { } })).EnsureSuccessStatusCode();
        var ids = (account.GetProperty("id").GetString()!, webhook.GetProperty("id").GetString()!);
        await Eventually.ReturnsAsync(() => RowsAsync(ids.Item1, ids.Item2), rows => rows.Attempts == 1, what: "the attempt recorded");
        return ids;
    }

    private async Task<(long Events, long Deliveries, long Attempts)> RowsAsync(string accountId, string webhookId) => (
        await fixture.Database.ScalarAsync<long>("select count(*) from herald_events where account_id = @id", ("id", accountId)),
        await fixture.Database.ScalarAsync<long>("select count(*) from herald_deliveries where account_id = @id", ("id", accountId)),
        await fixture.Database.ScalarAsync<long>("select count(*) from herald_attempts where endpoint_id = @id", ("id", webhookId)));
}
