using System.Net;
using System.Text.Json;
using Herald.Tests.Infrastructure;
using Herald.Tests.Signatures;

namespace Herald.Tests.Api.Debugging;

public sealed class WebhookStatsApiTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private static (int, int, double?) Window(JsonElement stats, string name)
    {
        var window = stats.GetProperty(name);
        var rate = window.GetProperty("success_rate");
        return (window.GetProperty("succeeded").GetInt32(), window.GetProperty("failed").GetInt32(),
            rate.ValueKind == JsonValueKind.Null ? null : rate.GetDouble());
    }

    [Fact]
    public async Task A_webhook_with_no_attempts_has_zero_counts_and_no_rate()
    {
        var client = fixture.Client((await fixture.CreateAccountAsync()).Key);
        var (webhook, _, _) = await client.CreateWebhookAsync(new { url = "http://127.0.0.1:9/x", events = new[] { "*" } });

        var (status, stats, _) = await client.SendAsync(HttpMethod.Get, $"/v1/webhooks/{webhook}/stats");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal((0, 0, null), Window(stats, "last_hour"));
        Assert.Equal((0, 0, null), Window(stats, "last_day"));
        Assert.Equal(0, stats.GetProperty("queue_depth").GetInt64());
        foreach (var field in new[] { "last_success_at", "last_failure_at", "oldest_pending_age_seconds" })
        {
            Assert.Equal(JsonValueKind.Null, stats.GetProperty(field).ValueKind);
        }
    }

    [Fact]
    public async Task Stats_count_attempts_by_outcome_over_an_hour_and_a_day_and_show_the_queue()
    {
        await using var receiver = await Receiver.StartAsync();
        receiver.Behave = (_, request) => request.Body.AsSpan().IndexOf("\"refuse\""u8) >= 0 ? 410 : 200;
        var client = fixture.Client((await fixture.CreateAccountAsync()).Key);
        var (webhook, _, _) = await client.CreateWebhookAsync(new { url = receiver.Url(), events = new[] { "*" } });
        foreach (var note in new[] { "ok", "ok", "refuse" })
        {
            await client.SendAsync(HttpMethod.Post, "/v1/events", new { type = "a.b", data = new { note } });
        }
        await Eventually.ReturnsAsync(async () => (await client.SendAsync(HttpMethod.Get, $"/v1/webhooks/{webhook}/attempts")).Body,
            p => p.GetProperty("data").GetArrayLength() == 3, what: "three attempts");
        // An attempt of three hours ago: in the day, not in the hour.
        await fixture.Database.ExecuteAsync("""
            insert into herald_attempts (attempt_id, delivery_id, endpoint_id, event_id, event_type, attempt, succeeded, latency_ms, attempted_at)
            values ('att_00old', 'dlv_00old', @endpoint, 'evt_00old', 'a.b', 1, false, 5, now() - interval '3 hours')
            """, ("endpoint", webhook));
        await client.SendAsync(HttpMethod.Post, $"/v1/webhooks/{webhook}/disable");
        await client.SendAsync(HttpMethod.Post, "/v1/events", new { type = "a.b", data = new { note = "held" } });
        await client.SendAsync(HttpMethod.Post, "/v1/events", new { type = "a.b", data = new { note = "held" } });

        var (_, stats, _) = await client.SendAsync(HttpMethod.Get, $"/v1/webhooks/{webhook}/stats");

        Assert.Equal((2, 1, 0.6667), Window(stats, "last_hour"));
        Assert.Equal((2, 2, 0.5), Window(stats, "last_day"));
        var lastSuccess = stats.GetProperty("last_success_at").GetDateTimeOffset();
        var lastFailure = stats.GetProperty("last_failure_at").GetDateTimeOffset();
        Assert.InRange(lastSuccess, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(1));
        Assert.InRange(lastFailure, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(1));
        Assert.Equal(2, stats.GetProperty("queue_depth").GetInt64());
        Assert.InRange(stats.GetProperty("oldest_pending_age_seconds").GetInt64(), 0, 300);
    }
}
