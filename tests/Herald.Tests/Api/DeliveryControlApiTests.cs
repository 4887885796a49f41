using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Herald.Tests.Infrastructure;

namespace Herald.Tests.Api;

public sealed class DeliveryControlApiTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    [Fact]
    public async Task Idempotency_key_header_makes_a_repeat_publish_answer_the_first_result()
    {
        await using var receiver = await Receiver.StartAsync();
        var (_, key) = await fixture.CreateAccountAsync();
        var client = fixture.Client(key);
        await client.PostAsJsonAsync("/v1/webhooks", new { url = receiver.Url(), events = new[] { "*" } });

        async Task<HttpResponseMessage> PublishAsync()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/events") { Content = JsonContent.Create(new { type = "a.b", data = new { } }) };
            request.Headers.Add("Idempotency-Key", "order-4711");
            return await client.SendAsync(request);
        }
        var first = await JsonAsync(await PublishAsync());
        var again = await JsonAsync(await PublishAsync());

        Assert.Equal("order-4711", first.GetProperty("id").GetString());
        Assert.Equal(first.GetRawText(), again.GetRawText());
        await Eventually.ReturnsAsync(() => receiver.Requests, r => r.Count == 1, what: "one delivery");
    }

    [Fact]
    public async Task Event_status_shows_each_endpoint_succeeded_or_held()
    {
        await using var receiver = await Receiver.StartAsync();
        var (_, key) = await fixture.CreateAccountAsync();
        var client = fixture.Client(key);
        var active = (await JsonAsync(await client.PostAsJsonAsync("/v1/webhooks", new { url = receiver.Url(), events = new[] { "*" } }))).GetProperty("id").GetString();
        var paused = (await JsonAsync(await client.PostAsJsonAsync("/v1/webhooks", new { url = receiver.Url("/b"), events = new[] { "*" } }))).GetProperty("id").GetString();
        var disabled = await JsonAsync(await client.PostAsync($"/v1/webhooks/{paused}/disable", null));
        Assert.Equal(("disabled", "user"), (disabled.GetProperty("status").GetString(), disabled.GetProperty("disabled_reason").GetString()));

        var eventId = (await JsonAsync(await client.PostAsJsonAsync("/v1/events", new { type = "a.b", data = new { } }))).GetProperty("id").GetString();

        var status = await Eventually.ReturnsAsync(async () => await client.GetFromJsonAsync<JsonElement>($"/v1/events/{eventId}"),
            e => e.GetProperty("deliveries").EnumerateArray().Select(d => d.GetProperty("status").GetString()).Order().SequenceEqual(["held", "succeeded"]),
            what: "one succeeded, one held");
        var byWebhook = status.GetProperty("deliveries").EnumerateArray().ToDictionary(d => d.GetProperty("webhook_id").GetString()!, d => d.GetProperty("status").GetString());
        Assert.Equal("succeeded", byWebhook[active!]);
        Assert.Equal("held", byWebhook[paused!]);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/v1/events/evt_nope")).StatusCode);

        var enabled = await JsonAsync(await client.PostAsync($"/v1/webhooks/{paused}/enable", null));
        Assert.Equal("active", enabled.GetProperty("status").GetString());
        await Eventually.ReturnsAsync(() => receiver.Requests, r => r.Any(x => x.Path == "/b"), what: "held delivery sent after enable");
    }

    [Fact]
    public async Task Retry_and_recover_routes_requeue_deliveries()
    {
        await using var receiver = await Receiver.StartAsync();
        var (_, key) = await fixture.CreateAccountAsync();
        var client = fixture.Client(key);
        var webhook = (await JsonAsync(await client.PostAsJsonAsync("/v1/webhooks", new { url = receiver.Url(), events = new[] { "*" } }))).GetProperty("id").GetString();
        await client.PostAsJsonAsync("/v1/events", new { type = "a.b", data = new { } });
        var log = await Eventually.ReturnsAsync(async () => await client.GetFromJsonAsync<JsonElement>($"/v1/webhooks/{webhook}/deliveries"),
            j => j.GetProperty("data").GetArrayLength() == 1 && j.GetProperty("data")[0].GetProperty("status").GetString() == "succeeded",
            what: "delivered"); // the delivery is listed from its publish on: only a finished one can be sent again
        var deliveryId = log.GetProperty("data")[0].GetProperty("id").GetString();

        var resent = await client.PostAsync($"/v1/webhooks/{webhook}/deliveries/{deliveryId}/retry", null);
        var unknown = await client.PostAsync($"/v1/webhooks/{webhook}/deliveries/dlv_missing/retry", null);
        var recovered = await client.PostAsJsonAsync($"/v1/webhooks/{webhook}/recover", new { since = DateTimeOffset.UtcNow.AddHours(-1) });
        var future = await client.PostAsJsonAsync($"/v1/webhooks/{webhook}/recover", new { since = DateTimeOffset.UtcNow.AddHours(1) });

        Assert.Equal(HttpStatusCode.Accepted, resent.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(0, (await JsonAsync(recovered)).GetProperty("recovered").GetInt32());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, future.StatusCode);
        await Eventually.ReturnsAsync(() => receiver.Requests, r => r.Count == 2, what: "resent");
    }

    [Fact]
    public async Task Test_route_sends_a_signed_test_event_now_and_answers_its_outcome()
    {
        await using var receiver = await Receiver.StartAsync();
        receiver.Respond = _ => 418;
        var (_, key) = await fixture.CreateAccountAsync();
        var client = fixture.Client(key);
        var created = await JsonAsync(await client.PostAsJsonAsync("/v1/webhooks", new { url = receiver.Url(), events = new[] { "server.created" } }));
        var webhook = created.GetProperty("id").GetString();
        await client.PostAsync($"/v1/webhooks/{webhook}/disable", null);

        var result = await JsonAsync(await client.PostAsync($"/v1/webhooks/{webhook}/test", null));

        Assert.Equal((false, 418, "received"), (result.GetProperty("succeeded").GetBoolean(), result.GetProperty("status_code").GetInt32(),
            result.GetProperty("response_excerpt").GetString()));
        var request = Assert.Single(receiver.Requests);
        Assert.Equal("webhook.test", JsonDocument.Parse(request.Body).RootElement.GetProperty("type").GetString());
        var (verified, output) = await StandardWebhooksNode.VerifyAsync(created.GetProperty("secret").GetString()!, request);
        Assert.True(verified, output);
        var log = await client.GetFromJsonAsync<JsonElement>($"/v1/webhooks/{webhook}/deliveries");
        Assert.Equal(result.GetProperty("event_id").GetString(), log.GetProperty("data")[0].GetProperty("event_id").GetString());
    }

    [Fact]
    public async Task Retry_presets_concurrency_and_rate_limits_are_accepted_and_shown()
    {
        var (_, key) = await fixture.CreateAccountAsync();
        var client = fixture.Client(key);

        var created = await JsonAsync(await client.PostAsJsonAsync("/v1/webhooks", new
        {
            url = "http://127.0.0.1:9/x",
            events = new[] { "*" },
            retry = new { preset = "fast-start" },
            ordering = "concurrent",
            max_in_flight = 8,
            rate_limit = 50,
        }));
        var badPreset = await client.PostAsJsonAsync("/v1/webhooks", new { url = "http://127.0.0.1:9/x", events = new[] { "*" }, retry = new { preset = "eventually" } });
        var strictWithMany = await client.PostAsJsonAsync("/v1/webhooks", new { url = "http://127.0.0.1:9/x", events = new[] { "*" }, max_in_flight = 3 });

        Assert.Equal(["10s", "1m", "5m", "30m", "2h"], created.GetProperty("retry").GetProperty("schedule").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(("concurrent", 8, 50), (created.GetProperty("ordering").GetString(), created.GetProperty("max_in_flight").GetInt32(), created.GetProperty("rate_limit").GetInt32()));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badPreset.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, strictWithMany.StatusCode);
    }

    [Fact]
    public async Task Account_defaults_apply_to_new_webhooks_and_patch_changes_them()
    {
        var (accountId, key) = await fixture.CreateAccountAsync();
        var client = fixture.Client(key);

        var patched = await client.PatchAsJsonAsync($"/v1/accounts/{accountId}", new
        {
            retry = new { exponential = new { @base = "60s", factor = 2, max_attempts = 5 } },
            timeout_seconds = 30,
            on_exhausted = "disable",
            disable_after = 5,
        });
        var invalid = await client.PatchAsJsonAsync($"/v1/accounts/{accountId}", new { on_exhausted = "explode", disable_after = 0 });
        var webhook = await JsonAsync(await client.PostAsJsonAsync("/v1/webhooks", new { url = "http://127.0.0.1:9/x", events = new[] { "*" } }));

        var account = await JsonAsync(patched);
        Assert.Equal(("disable", 5, 30), (account.GetProperty("on_exhausted").GetString(), account.GetProperty("disable_after").GetInt32(), account.GetProperty("timeout_seconds").GetInt32()));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, invalid.StatusCode);
        Assert.Equal(30, webhook.GetProperty("timeout_seconds").GetInt32());
        Assert.Equal("1m", webhook.GetProperty("retry").GetProperty("exponential").GetProperty("base").GetString());
        Assert.Equal("disable", (await client.GetFromJsonAsync<JsonElement>($"/v1/accounts/{accountId}")).GetProperty("on_exhausted").GetString());
    }
}
