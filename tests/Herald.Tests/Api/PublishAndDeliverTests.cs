using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Herald.Tests.Infrastructure;

namespace Herald.Tests.Api;

public sealed class PublishAndDeliverTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Account_webhook_publish_delivers_the_exact_body_and_standardwebhooks_verifies_it()
    {
        await using var receiver = await Receiver.StartAsync();
        var (_, key) = await fixture.CreateAccountAsync("LightYear");
        var client = fixture.Client(key);

        var created = await client.PostAsJsonAsync("/v1/webhooks", new { url = receiver.Url(), events = new[] { "server.*" } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var webhook = await created.Content.ReadFromJsonAsync<JsonElement>();
        var secret = webhook.GetProperty("secret").GetString()!;
        Assert.StartsWith("whsec_", secret);

        var published = await client.PostAsJsonAsync("/v1/events", new
        {
            type = "server.created",
            data = new { server = new { id = "srv_abc123", label = "web-01", main_ip = "45.77.0.1" } },
        });
        Assert.Equal(HttpStatusCode.Accepted, published.StatusCode);
        var accepted = await published.Content.ReadFromJsonAsync<JsonElement>();
        var eventId = accepted.GetProperty("id").GetString()!;
        Assert.Equal(1, accepted.GetProperty("endpoints").GetInt32());

        var request = (await Eventually.ReturnsAsync(() => receiver.Requests, r => r.Count >= 1, what: "delivery arrives"))[0];
        var body = JsonDocument.Parse(request.Body).RootElement;
        Assert.Equal(eventId, body.GetProperty("id").GetString());
        Assert.Equal("server.created", body.GetProperty("type").GetString());
        Assert.Equal("""{"server":{"id":"srv_abc123","label":"web-01","main_ip":"45.77.0.1"}}""", body.GetProperty("data").GetRawText());
        var (verified, output) = await StandardWebhooksNode.VerifyAsync(secret, request);
        Assert.True(verified, output);

        var log = await Eventually.ReturnsAsync(
            async () => await client.GetFromJsonAsync<JsonElement>($"/v1/webhooks/{webhook.GetProperty("id").GetString()}/attempts"),
            j => j.GetProperty("data").GetArrayLength() == 1, what: "attempt logged");
        var attempt = log.GetProperty("data")[0];
        Assert.Equal(eventId, attempt.GetProperty("event_id").GetString());
        Assert.Equal("succeeded", attempt.GetProperty("status").GetString());
        Assert.Equal(200, attempt.GetProperty("status_code").GetInt32());
        Assert.Equal(1, attempt.GetProperty("attempt").GetInt32());
    }

    [Fact]
    public async Task A_payload_is_delivered_byte_for_byte_as_published()
    {
        await using var receiver = await Receiver.StartAsync();
        var (_, key) = await fixture.CreateAccountAsync();
        var client = fixture.Client(key);
        await client.PostAsJsonAsync("/v1/webhooks", new { url = receiver.Url(), events = new[] { "invoice_payment" } });
        const string payload = """{"event_id":"7293847502938475029", "event_type":"invoice_payment","amount_msat":100000,"label":"ordér-1"}""";

        var published = await client.PostAsync("/v1/events", new StringContent(
            $$"""{"type":"invoice_payment","id":"7293847502938475029","payload":{{payload}}}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Accepted, published.StatusCode);
        var request = (await Eventually.ReturnsAsync(() => receiver.Requests, r => r.Count >= 1, what: "delivery arrives"))[0];
        Assert.Equal(payload, Encoding.UTF8.GetString(request.Body));
        Assert.Equal("7293847502938475029", request.Headers["webhook-id"]);
    }

    [Fact]
    public async Task Publishing_the_same_id_again_answers_the_first_result_and_delivers_nothing_new()
    {
        await using var receiver = await Receiver.StartAsync();
        var (_, key) = await fixture.CreateAccountAsync();
        var client = fixture.Client(key);
        await client.PostAsJsonAsync("/v1/webhooks", new { url = receiver.Url(), events = new[] { "*" } });

        var first = await client.PostAsJsonAsync("/v1/events", new { type = "a.b", id = "evt_once", data = new { n = 1 } });
        await Eventually.ReturnsAsync(() => receiver.Requests, r => r.Count >= 1, what: "first delivery");
        await client.PostAsJsonAsync("/v1/webhooks", new { url = receiver.Url("/second"), events = new[] { "*" } });
        var again = await client.PostAsJsonAsync("/v1/events", new { type = "a.b", id = "evt_once", data = new { n = 2 } });

        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
        var marker = await client.PostAsJsonAsync("/v1/events", new { type = "a.b", id = "evt_marker", data = new { } });
        await Eventually.ReturnsAsync(() => receiver.Requests, r => r.Count(x => x.Headers["webhook-id"] == "evt_marker") == 2, what: "marker");
        Assert.Single(receiver.Requests, r => r.Headers["webhook-id"] == "evt_once");
    }
}
