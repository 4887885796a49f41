using System.Net;
using System.Text.Json;
using Herald.Tests.Api.Faults;
using Herald.Tests.Infrastructure;
using Herald.Tests.Signatures;

namespace Herald.Tests.Api.Debugging;

public sealed class EventSearchApiTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private static string[] Ids(JsonElement page) => page.GetProperty("data").EnumerateArray().Select(e => e.GetProperty("id").GetString()!).ToArray();

    private static async Task<string> PublishAsync(HttpClient client, string type, string? source = null)
    {
        var (status, accepted, text) = await client.SendAsync(HttpMethod.Post, "/v1/events", new { type, source, data = new { type } });
        Assert.True(status == HttpStatusCode.Accepted, text);
        return accepted.GetProperty("id").GetString()!;
    }

    [Fact]
    public async Task Events_are_listed_newest_first_and_filtered_by_type_pattern_and_source()
    {
        var client = fixture.Client((await fixture.CreateAccountAsync()).Key);
        var paid = await PublishAsync(client, "invoice.paid", "node-1");
        var failed = await PublishAsync(client, "invoice.payment_failed", "node-2");
        var created = await PublishAsync(client, "server.created", "node-1");
        var similar = await PublishAsync(client, "invoicex.paid");

        var all = (await client.SendAsync(HttpMethod.Get, "/v1/events")).Body;
        var star = (await client.SendAsync(HttpMethod.Get, "/v1/events?type=*")).Body;
        var invoices = (await client.SendAsync(HttpMethod.Get, "/v1/events?type=invoice.*")).Body;
        var exact = (await client.SendAsync(HttpMethod.Get, "/v1/events?type=invoice.paid")).Body;
        var underscore = (await client.SendAsync(HttpMethod.Get, "/v1/events?type=invoice.payment_failed")).Body;
        var node1 = (await client.SendAsync(HttpMethod.Get, "/v1/events?source=node-1")).Body;
        var node1Invoices = (await client.SendAsync(HttpMethod.Get, "/v1/events?source=node-1&type=invoice.*")).Body;

        Assert.Equal([similar, created, failed, paid], Ids(all));
        Assert.Equal(Ids(all), Ids(star));
        Assert.Equal([failed, paid], Ids(invoices));
        Assert.Equal([paid], Ids(exact));
        Assert.Equal([failed], Ids(underscore));
        Assert.Equal([created, paid], Ids(node1));
        Assert.Equal([paid], Ids(node1Invoices));
        var row = all.GetProperty("data")[3];
        Assert.Equal(["created_at", "endpoints", "id", "source", "timestamp", "type"], row.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(("invoice.paid", "node-1", 0), (row.GetProperty("type").GetString(), row.GetProperty("source").GetString(), row.GetProperty("endpoints").GetInt32()));
        Assert.Equal(JsonValueKind.Null, all.GetProperty("next_cursor").ValueKind);
    }

    [Fact]
    public async Task Since_is_inclusive_and_until_exclusive()
    {
        var client = fixture.Client((await fixture.CreateAccountAsync()).Key);
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(await PublishAsync(client, "a.b"));
        }
        var rows = (await client.SendAsync(HttpMethod.Get, "/v1/events")).Body.GetProperty("data").EnumerateArray().ToList();
        var middle = Uri.EscapeDataString(rows[1].GetProperty("created_at").GetString()!);

        var since = (await client.SendAsync(HttpMethod.Get, $"/v1/events?since={middle}")).Body;
        var until = (await client.SendAsync(HttpMethod.Get, $"/v1/events?until={middle}")).Body;

        Assert.Equal([ids[2], ids[1]], Ids(since));
        Assert.Equal([ids[0]], Ids(until));
    }

    [Fact]
    public async Task Pages_walk_every_event_once_newest_first_even_while_events_arrive()
    {
        var client = fixture.Client((await fixture.CreateAccountAsync()).Key);
        var published = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            published.Add(await PublishAsync(client, "page.turned"));
        }

        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = (await client.SendAsync(HttpMethod.Get, "/v1/events?limit=3" + (cursor is null ? "" : $"&cursor={cursor}"))).Body;
            seen.AddRange(Ids(page));
            cursor = page.GetProperty("next_cursor").GetString();
            pages++;
            if (pages == 1)
            {
                await PublishAsync(client, "page.turned"); // newer than the cursor: not part of the pages that follow
            }
        }
        while (cursor is not null);

        Assert.Equal(3, pages);
        Assert.Equal(Enumerable.Reverse(published), seen);
    }

    [Fact]
    public async Task Event_detail_shows_the_body_as_sent_and_the_delivery_at_each_webhook()
    {
        await using var receiver = await Receiver.StartAsync();
        var client = fixture.Client((await fixture.CreateAccountAsync()).Key);
        var (ok, _, _) = await client.CreateWebhookAsync(new { url = receiver.Url(), events = new[] { "*" } });
        var (paused, _, _) = await client.CreateWebhookAsync(new { url = receiver.Url("/paused"), events = new[] { "*" } });
        await client.SendAsync(HttpMethod.Post, $"/v1/webhooks/{paused}/disable");
        const string payload = """{"order":{"id":"ord_1","total":12.50,"note":"ordér"}}""";
        var sent = await client.PublishAndReceiveAsync(receiver, $$"""{"type":"order.paid","payload":{{payload}}}""", idHeader: "webhook-id");
        var eventId = sent.Headers["webhook-id"];

        var detail = await Eventually.ReturnsAsync(async () => (await client.SendAsync(HttpMethod.Get, $"/v1/events/{eventId}")).Body,
            e => e.GetProperty("deliveries").EnumerateArray().Select(d => d.GetProperty("status").GetString()).Order().SequenceEqual(["held", "succeeded"]),
            what: "one delivery recorded, the paused webhook's held");

        Assert.Equal(JsonDocument.Parse(sent.Body).RootElement.GetRawText(), JsonDocument.Parse(detail.GetProperty("data").GetRawText()).RootElement.GetRawText());
        Assert.Equal(12.50m, detail.GetProperty("data").GetProperty("order").GetProperty("total").GetDecimal());
        Assert.Equal(("order.paid", 2), (detail.GetProperty("type").GetString(), detail.GetProperty("endpoints").GetInt32()));
        var byWebhook = detail.GetProperty("deliveries").EnumerateArray().ToDictionary(d => d.GetProperty("webhook_id").GetString()!);
        var delivered = byWebhook[ok];
        Assert.StartsWith("dlv_", delivered.GetProperty("id").GetString());
        Assert.Equal(("succeeded", 1, 200), (delivered.GetProperty("status").GetString(), delivered.GetProperty("attempts").GetInt32(),
            delivered.GetProperty("last_status_code").GetInt32()));
        Assert.Equal(JsonValueKind.String, delivered.GetProperty("last_attempt_at").ValueKind);
        Assert.Equal(JsonValueKind.Null, delivered.GetProperty("next_attempt_at").ValueKind);
        var held = byWebhook[paused];
        Assert.Equal(("held", 0), (held.GetProperty("status").GetString(), held.GetProperty("attempts").GetInt32()));
        Assert.Equal(JsonValueKind.Null, held.GetProperty("last_status_code").ValueKind);
        Assert.Equal(["attempts", "id", "last_attempt_at", "last_status_code", "next_attempt_at", "status", "webhook_id"],
            delivered.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task An_account_key_sees_only_its_own_events()
    {
        var (ownerId, ownerKey) = await fixture.CreateAccountAsync("owner");
        var (_, otherKey) = await fixture.CreateAccountAsync("other");
        var owner = fixture.Client(ownerKey);
        var other = fixture.Client(otherKey);
        var mine = await PublishAsync(owner, "secret.thing");
        var theirs = await PublishAsync(other, "secret.thing");

        var seenByOther = (await other.SendAsync(HttpMethod.Get, "/v1/events?type=secret.thing")).Body;
        var detailByOther = await other.SendAsync(HttpMethod.Get, $"/v1/events/{mine}");
        var listForOwnerByOther = await other.SendAsync(HttpMethod.Get, $"/v1/events?account_id={ownerId}");
        var seenByAdmin = (await fixture.Client(ApiFixture.AdminKey).SendAsync(HttpMethod.Get, $"/v1/events?account_id={ownerId}")).Body;

        Assert.Equal([theirs], Ids(seenByOther));
        Assert.Equal(HttpStatusCode.NotFound, detailByOther.Status);
        Assert.Equal(HttpStatusCode.NotFound, listForOwnerByOther.Status);
        Assert.Equal([mine], Ids(seenByAdmin));
    }

    [Theory]
    [InlineData("type=inv*", "type")]
    [InlineData("type=invoice.*.paid", "type")]
    [InlineData("type=a&type=b", "type")]
    [InlineData("source=no%20spaces", "source")]
    [InlineData("since=yesterday", "since")]
    [InlineData("since=2026-11-23T10:00:00", "since")]
    [InlineData("until=2026-13-01T00:00:00Z", "until")]
    [InlineData("since=2026-11-23T10:00:00Z&until=2026-11-23T10:00:00Z", "until")]
    [InlineData("cursor=evt_01notacursor", "cursor")]
    [InlineData("limit=251", "limit")]
    public async Task A_bad_parameter_is_400_naming_it(string query, string parameter)
    {
        var client = fixture.Client((await fixture.CreateAccountAsync()).Key);

        var problem = await ProblemAssert.IsAsync(await client.GetAsync($"/v1/events?{query}"), HttpStatusCode.BadRequest, "invalid_parameter", query);

        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), $"{query} names {parameter}");
    }

    [Fact]
    public async Task The_admin_key_must_name_the_account_it_searches()
    {
        var response = await fixture.Client(ApiFixture.AdminKey).GetAsync("/v1/events");

        await ProblemAssert.IsAsync(response, HttpStatusCode.UnprocessableEntity, "validation_failed");
    }
}
