using System.Net;
using System.Text.Json;
using Herald.Tests.Api.Faults;
using Herald.Tests.Infrastructure;
using Herald.Tests.Signatures;

namespace Herald.Tests.Api.Debugging;

public sealed class DeliveriesApiTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private static string[] Column(JsonElement page, string name) =>
        page.GetProperty("data").EnumerateArray().Select(e => e.GetProperty(name).ToString()).ToArray();

    [Fact]
    public async Task Deliveries_and_attempts_are_two_lists()
    {
        await using var receiver = await Receiver.StartAsync();
        receiver.Respond = n => n == 1 ? 503 : 200;
        var client = fixture.Client((await fixture.CreateAccountAsync()).Key);
        var (webhook, _, _) = await client.CreateWebhookAsync(new { url = receiver.Url(), events = new[] { "*" }, retry = new { schedule = new[] { "1s" } } });
        var (_, accepted, _) = await client.SendAsync(HttpMethod.Post, "/v1/events", new { type = "invoice.paid", data = new { } });
        var eventId = accepted.GetProperty("id").GetString()!;

        var deliveries = await Eventually.ReturnsAsync(async () => (await client.SendAsync(HttpMethod.Get, $"/v1/webhooks/{webhook}/deliveries")).Body,
            p => Column(p, "status").SequenceEqual(["succeeded"]), what: "delivered on the second attempt");
        var attempts = (await client.SendAsync(HttpMethod.Get, $"/v1/webhooks/{webhook}/attempts")).Body;
        var failedAttempts = (await client.SendAsync(HttpMethod.Get, $"/v1/webhooks/{webhook}/attempts?status=failed")).Body;
        var failedDeliveries = (await client.SendAsync(HttpMethod.Get, $"/v1/webhooks/{webhook}/deliveries?status=failed")).Body;

        var delivery = deliveries.GetProperty("data")[0];
        Assert.StartsWith("dlv_", delivery.GetProperty("id").GetString());
        Assert.Equal((eventId, "invoice.paid", 2, 200), (delivery.GetProperty("event_id").GetString(), delivery.GetProperty("event_type").GetString(),
            delivery.GetProperty("attempts").GetInt32(), delivery.GetProperty("last_status_code").GetInt32()));
        Assert.True(delivery.GetProperty("last_latency_ms").GetInt32() >= 0);
        Assert.Equal(["attempts", "created_at", "event_id", "event_type", "id", "last_attempt_at", "last_latency_ms", "last_status_code", "next_attempt_at", "status"],
            delivery.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(["succeeded", "failed"], Column(attempts, "status"));
        Assert.Equal(["2", "1"], Column(attempts, "attempt"));
        Assert.All(Column(attempts, "id"), id => Assert.StartsWith("att_", id));
        Assert.All(Column(attempts, "delivery_id"), id => Assert.Equal(delivery.GetProperty("id").GetString(), id));
        Assert.Equal(["503"], Column(failedAttempts, "status_code"));
        Assert.Empty(failedDeliveries.GetProperty("data").EnumerateArray());
        Assert.Equal(["attempt", "attempted_at", "delivery_id", "error", "event_id", "event_type", "id", "latency_ms", "next_attempt_at", "request_headers",
            "response_excerpt", "status", "status_code"], attempts.GetProperty("data")[0].EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Delivery_detail_shows_the_masked_headers_the_body_and_the_timeline_oldest_first()
    {
        await using var receiver = await Receiver.StartAsync();
        receiver.Respond = n => n == 1 ? 500 : 200;
        var client = fixture.Client((await fixture.CreateAccountAsync()).Key);
        var (webhook, _, _) = await client.CreateWebhookAsync(new
        {
            url = receiver.Url(),
            events = new[] { "*" },
            retry = new { schedule = new[] { "1s" } },
            headers = new Dictionary<string, string> { ["X-Team"] = "ops", ["X-Api-Key"] = "k-live-123456", ["X-Auth-Token"] = "t-987654" },
        });
        await client.SendAsync(HttpMethod.Post, "/v1/events", new { type = "server.created", data = new { server = "srv_1" } });
        var list = await Eventually.ReturnsAsync(async () => (await client.SendAsync(HttpMethod.Get, $"/v1/webhooks/{webhook}/deliveries")).Body,
            p => Column(p, "status").SequenceEqual(["succeeded"]), what: "delivered on the second attempt");
        var deliveryId = list.GetProperty("data")[0].GetProperty("id").GetString();

        var (status, detail, text) = await client.SendAsync(HttpMethod.Get, $"/v1/webhooks/{webhook}/deliveries/{deliveryId}");

        Assert.Equal(HttpStatusCode.OK, status);
        var last = receiver.Requests[^1];
        var headers = detail.GetProperty("request").GetProperty("headers");
        Assert.Equal("v1,****", headers.GetProperty("webhook-signature").GetString());
        Assert.Equal(last.Headers["webhook-id"], headers.GetProperty("webhook-id").GetString());
        Assert.Equal(last.Headers["webhook-timestamp"], headers.GetProperty("webhook-timestamp").GetString());
        Assert.Equal(("ops", "****", "****"), (headers.GetProperty("X-Team").GetString(), headers.GetProperty("X-Api-Key").GetString(),
            headers.GetProperty("X-Auth-Token").GetString()));
        Assert.Equal("application/json", headers.GetProperty("Content-Type").GetString());
        foreach (var secret in new[] { last.Headers["webhook-signature"]["v1,".Length..], receiver.Requests[0].Headers["webhook-signature"]["v1,".Length..], "k-live-123456", "t-987654" })
        {
            Assert.DoesNotContain(secret, text);
        }
        Assert.Equal(JsonDocument.Parse(last.Body).RootElement.GetRawText(), detail.GetProperty("request").GetProperty("body").GetRawText());
        var timeline = detail.GetProperty("attempts").EnumerateArray().ToList();
        Assert.Equal([(1, 500), (2, 200)], timeline.Select(a => (a.GetProperty("attempt").GetInt32(), a.GetProperty("status_code").GetInt32())));
        Assert.All(timeline, a => Assert.Equal("v1,****", a.GetProperty("request_headers").GetProperty("webhook-signature").GetString()));
        Assert.Equal(("succeeded", "server.created"), (detail.GetProperty("status").GetString(), detail.GetProperty("event_type").GetString()));
    }

    [Fact]
    public async Task A_custom_profile_keeps_its_prefix_and_loses_its_digest()
    {
        await using var receiver = await Receiver.StartAsync();
        var client = fixture.Client((await fixture.CreateAccountAsync()).Key);
        var (webhook, _, _) = await client.CreateWebhookAsync(new
        {
            url = receiver.Url(),
            events = new[] { "*" },
            signature = new { scheme = "hmac-sha256", header = "X-LightYear-Signature", encoding = "hex", prefix = "sha256=", signed_content = "body" },
        });
        var sent = await client.PublishAndReceiveAsync(receiver, new { type = "a.b", data = new { } }, idHeader: "Herald-Event-Id");

        var (_, attempts, text) = await Eventually.ReturnsAsync(() => client.SendAsync(HttpMethod.Get, $"/v1/webhooks/{webhook}/attempts"),
            r => r.Body.GetProperty("data").GetArrayLength() == 1, what: "attempt logged");

        var headers = attempts.GetProperty("data")[0].GetProperty("request_headers");
        Assert.Equal("sha256=****", headers.GetProperty("X-LightYear-Signature").GetString());
        Assert.Equal(sent.Headers["herald-event-id"], headers.GetProperty("Herald-Event-Id").GetString());
        Assert.DoesNotContain(sent.Headers["x-lightyear-signature"]["sha256=".Length..], text);
    }

    [Fact]
    public async Task Filters_select_by_event_type_event_id_status_and_time()
    {
        await using var receiver = await Receiver.StartAsync();
        receiver.Behave = (_, request) => request.Body.AsSpan().IndexOf("\"gone\""u8) >= 0 ? 410 : 200;
        var client = fixture.Client((await fixture.CreateAccountAsync()).Key);
        var (webhook, _, _) = await client.CreateWebhookAsync(new { url = receiver.Url(), events = new[] { "*" } });
        var events = new List<string>();
        foreach (var (type, data) in new[] { ("invoice.paid", "kept"), ("invoice.voided", "gone"), ("server.created", "kept") })
        {
            events.Add((await client.SendAsync(HttpMethod.Post, "/v1/events", new { type, data = new { note = data } })).Body.GetProperty("id").GetString()!);
        }
        var all = await Eventually.ReturnsAsync(async () => (await client.SendAsync(HttpMethod.Get, $"/v1/webhooks/{webhook}/deliveries")).Body,
            p => Column(p, "status").Order().SequenceEqual(["failed", "succeeded", "succeeded"]), what: "three deliveries finished");
        var middle = Uri.EscapeDataString(all.GetProperty("data")[1].GetProperty("created_at").GetString()!);

        async Task<string[]> EventsOf(string list, string query) =>
            Column((await client.SendAsync(HttpMethod.Get, $"/v1/webhooks/{webhook}/{list}?{query}")).Body, "event_id");

        Assert.Equal([events[1], events[0]], await EventsOf("deliveries", "event_type=invoice.*"));
        Assert.Equal([events[2]], await EventsOf("deliveries", "event_type=server.created"));
        Assert.Equal([events[1]], await EventsOf("deliveries", "status=failed"));
        Assert.Equal([events[0]], await EventsOf("deliveries", $"event_id={events[0]}"));
        Assert.Equal([events[2], events[1]], await EventsOf("deliveries", $"since={middle}"));
        Assert.Equal([events[0]], await EventsOf("deliveries", $"until={middle}"));
        Assert.Equal([events[1], events[0]], await EventsOf("attempts", "event_type=invoice.*"));
        Assert.Equal([events[1]], await EventsOf("attempts", "status=failed"));
        Assert.Equal([events[2]], await EventsOf("attempts", $"event_id={events[2]}"));
        Assert.Empty(await EventsOf("attempts", "since=2999-01-01T00:00:00Z"));
    }

    [Fact]
    public async Task Pages_of_deliveries_and_attempts_walk_every_row_once()
    {
        await using var receiver = await Receiver.StartAsync();
        var client = fixture.Client((await fixture.CreateAccountAsync()).Key);
        var (webhook, _, _) = await client.CreateWebhookAsync(new { url = receiver.Url(), events = new[] { "*" } });
        for (var i = 0; i < 5; i++)
        {
            await client.SendAsync(HttpMethod.Post, "/v1/events", new { type = "a.b", data = new { i } });
        }
        await Eventually.ReturnsAsync(async () => (await client.SendAsync(HttpMethod.Get, $"/v1/webhooks/{webhook}/attempts?limit=250")).Body,
            p => p.GetProperty("data").GetArrayLength() == 5, what: "five attempts");

        foreach (var list in new[] { "deliveries", "attempts" })
        {
            var whole = Column((await client.SendAsync(HttpMethod.Get, $"/v1/webhooks/{webhook}/{list}")).Body, "id");
            var paged = new List<string>();
            string? cursor = null;
            do
            {
                var page = (await client.SendAsync(HttpMethod.Get, $"/v1/webhooks/{webhook}/{list}?limit=2" + (cursor is null ? "" : $"&cursor={cursor}"))).Body;
                paged.AddRange(Column(page, "id"));
                cursor = page.GetProperty("next_cursor").GetString();
            }
            while (cursor is not null);
            Assert.Equal(5, whole.Length);
            Assert.Equal(whole, paged);
        }
    }

    [Fact]
    public async Task Another_accounts_webhook_or_delivery_is_404()
    {
        await using var receiver = await Receiver.StartAsync();
        var owner = fixture.Client((await fixture.CreateAccountAsync("owner")).Key);
        var other = fixture.Client((await fixture.CreateAccountAsync("other")).Key);
        var (webhook, _, _) = await owner.CreateWebhookAsync(new { url = receiver.Url(), events = new[] { "*" } });
        var (otherWebhook, _, _) = await other.CreateWebhookAsync(new { url = receiver.Url("/other"), events = new[] { "*" } });
        await owner.PublishAndReceiveAsync(receiver, new { type = "a.b", data = new { } });
        var list = await Eventually.ReturnsAsync(async () => (await owner.SendAsync(HttpMethod.Get, $"/v1/webhooks/{webhook}/deliveries")).Body,
            p => Column(p, "status").SequenceEqual(["succeeded"]), what: "delivered");
        var deliveryId = list.GetProperty("data")[0].GetProperty("id").GetString();

        foreach (var path in new[]
        {
            $"/v1/webhooks/{webhook}/deliveries", $"/v1/webhooks/{webhook}/deliveries/{deliveryId}", $"/v1/webhooks/{webhook}/attempts",
            $"/v1/webhooks/{webhook}/stats",
        })
        {
            await ProblemAssert.IsAsync(await other.GetAsync(path), HttpStatusCode.NotFound, "not_found", path);
        }
        // Its own webhook with the owner's delivery id, or a delivery id that no one has.
        await ProblemAssert.IsAsync(await other.GetAsync($"/v1/webhooks/{otherWebhook}/deliveries/{deliveryId}"), HttpStatusCode.NotFound, "not_found");
        await ProblemAssert.IsAsync(await owner.GetAsync($"/v1/webhooks/{webhook}/deliveries/dlv_nope"), HttpStatusCode.NotFound, "not_found");
        await ProblemAssert.IsAsync(await owner.GetAsync($"/v1/webhooks/{webhook}/deliveries/dlv_a%20b"), HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task The_excerpt_keeps_4096_bytes_of_the_answer_by_default()
    {
        await using var receiver = await Receiver.StartAsync();
        receiver.Behave = (_, _) => new Reply(Body: System.Text.Encoding.ASCII.GetBytes(new string('x', 10_000)));
        var client = fixture.Client((await fixture.CreateAccountAsync()).Key);
        var (webhook, _, _) = await client.CreateWebhookAsync(new { url = receiver.Url(), events = new[] { "*" } });
        await client.PublishAndReceiveAsync(receiver, new { type = "a.b", data = new { } });

        var (_, attempts, _) = await Eventually.ReturnsAsync(() => client.SendAsync(HttpMethod.Get, $"/v1/webhooks/{webhook}/attempts"),
            r => r.Body.GetProperty("data").GetArrayLength() == 1, what: "attempt logged");

        Assert.Equal(new string('x', 4096), attempts.GetProperty("data")[0].GetProperty("response_excerpt").GetString());
    }

    [Theory]
    [InlineData("deliveries", "status=done", "status")]
    [InlineData("deliveries", "status=pending&status=held", "status")]
    [InlineData("attempts", "status=pending", "status")]
    [InlineData("attempts", "status=held", "status")]
    [InlineData("deliveries", "event_type=*.paid", "event_type")]
    [InlineData("attempts", "event_type=inv%20oice", "event_type")]
    [InlineData("deliveries", "event_id=a%20b", "event_id")]
    [InlineData("attempts", "since=2026-11-23", "since")]
    [InlineData("deliveries", "until=soon", "until")]
    [InlineData("attempts", "since=2026-11-23T11:00:00Z&until=2026-11-23T10:00:00Z", "until")]
    [InlineData("deliveries", "cursor=att_01notacursor", "cursor")]
    public async Task A_bad_parameter_is_400_naming_it(string list, string query, string parameter)
    {
        var client = fixture.Client((await fixture.CreateAccountAsync()).Key);
        var (webhook, _, _) = await client.CreateWebhookAsync(new { url = "http://127.0.0.1:9/x", events = new[] { "*" } });

        var problem = await ProblemAssert.IsAsync(await client.GetAsync($"/v1/webhooks/{webhook}/{list}?{query}"), HttpStatusCode.BadRequest,
            "invalid_parameter", query);

        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), $"{query} names {parameter}");
    }
}
