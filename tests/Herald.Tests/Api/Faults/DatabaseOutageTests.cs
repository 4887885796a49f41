using System.Net;
using System.Net.Http.Json;
using Herald.Tests.Infrastructure;
using Npgsql;

namespace Herald.Tests.Api.Faults;

/// <summary>PostgreSQL stopped under a running Herald (a server of the test's own), then started again.</summary>
public sealed class DatabaseOutageTests(OutageApiFixture fixture) : IClassFixture<OutageApiFixture>
{
    private static readonly TimeSpan RecoveryLimit = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task While_PostgreSQL_is_down_every_route_that_needs_it_answers_503_and_after_it_restarts_publishes_are_accepted_and_none_is_lost()
    {
        await using var receiver = await Receiver.StartAsync();
        var (accountId, key) = await fixture.CreateAccountAsync("outage");
        var client = fixture.Client(key);
        var admin = fixture.Client(ApiFixture.AdminKey);
        var webhook = await TenantState.CreateWebhookAsync(client, receiver.Url());
        var accepted = new List<string>();
        Assert.Equal(HttpStatusCode.Accepted, (await PublishAsync(client, "evt_before")).StatusCode);
        accepted.Add("evt_before");

        await fixture.Postgres.StopAsync();
        var duringOutage = new (string What, Func<Task<HttpResponseMessage>> Call)[]
        {
            ("publish", () => PublishAsync(client, "evt_during")),
            ("publish as admin", () => admin.PostAsJsonAsync("/v1/events", new { type = "server.created", account_id = accountId, data = new { } })),
            ("read an event", () => client.GetAsync("/v1/events/evt_before")),
            ("read the attempt log", () => client.GetAsync($"/v1/webhooks/{webhook}/deliveries")),
            ("create an account", () => admin.PostAsJsonAsync("/v1/accounts", new { name = "during" })),
            ("create a webhook", () => client.PostAsJsonAsync("/v1/webhooks", new { url = receiver.Url(), events = new[] { "*" } })),
            ("an unknown key", () => fixture.Client("hk_not_a_key_anyone_has").GetAsync("/v1/webhooks")),
            ("list the catalog", () => client.GetAsync("/v1/event-types")),
        };
        foreach (var (what, call) in duringOutage)
        {
            await ProblemAssert.IsRetryLaterAsync(await call(), HttpStatusCode.ServiceUnavailable, "database_unavailable", what);
        }
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await fixture.Client(null).GetAsync("/health/ready")).StatusCode);

        await fixture.Postgres.StartAgainAsync();
        var afterwards = new List<HttpStatusCode>();
        var n = 0;
        var recovered = await Eventually.HoldsAsync(() => TryPublishAsync(client, $"evt_after_{n++}", accepted, afterwards), RecoveryLimit,
            TimeSpan.FromMilliseconds(250));
        Assert.True(recovered, $"no publish was accepted within {RecoveryLimit} of the restart: {string.Join(", ", afterwards)}");
        Assert.All(afterwards, status => Assert.Contains(status, new[] { HttpStatusCode.Accepted, HttpStatusCode.ServiceUnavailable }));
        Assert.Equal(HttpStatusCode.OK, (await fixture.Client(null).GetAsync("/health/ready")).StatusCode);

        await using var dataSource = NpgsqlDataSource.Create(fixture.Postgres.ConnectionString);
        await using var stored = dataSource.CreateCommand("select array_agg(event_id) from herald_events where account_id = @account");
        stored.Parameters.AddWithValue("account", accountId);
        var storedIds = (string[])(await stored.ExecuteScalarAsync())!;
        Assert.Superset(accepted.ToHashSet(), storedIds.ToHashSet());
        var delivered = await Eventually.ReturnsAsync(
            () => receiver.Requests.Select(r => r.Headers["webhook-id"]).ToHashSet(), ids => ids.IsSupersetOf(accepted), RecoveryLimit,
            "every accepted event is delivered");
        Assert.Superset(accepted.ToHashSet(), delivered);
    }

    private static async Task<bool> TryPublishAsync(HttpClient client, string eventId, List<string> accepted, List<HttpStatusCode> statuses)
    {
        var response = await PublishAsync(client, eventId);
        statuses.Add(response.StatusCode);
        if (response.StatusCode == HttpStatusCode.Accepted)
        {
            accepted.Add(eventId);
        }
        return response.StatusCode == HttpStatusCode.Accepted;
    }

    private static Task<HttpResponseMessage> PublishAsync(HttpClient client, string eventId) =>
        client.PostAsJsonAsync("/v1/events", new { type = "server.created", id = eventId, data = new { n = eventId } });
}
