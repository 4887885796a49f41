using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Herald.Tests.Api;
using Herald.Tests.Infrastructure;

namespace Herald.Tests.Operations;

public sealed class OperationsApiTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private HttpClient Admin => fixture.Client(ApiFixture.AdminKey);

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private async Task<(HttpClient Client, string Webhook)> WebhookAsync(Receiver receiver, string events = "job.*")
    {
        var (_, key) = await fixture.CreateAccountAsync();
        var client = fixture.Client(key);
        var created = await JsonAsync(await client.PostAsJsonAsync("/v1/webhooks", new { url = receiver.Url(), events = new[] { events } }));
        return (client, created.GetProperty("id").GetString()!);
    }

    private async Task<long> FailedAsync(string webhook) => await fixture.Database.ScalarAsync<long>(
        "select count(*) from herald_deliveries where endpoint_id = @endpoint and status = 'failed'", ("endpoint", webhook));

    [Fact]
    public async Task Recover_with_until_requeues_only_the_failed_deliveries_created_before_it()
    {
        await using var receiver = await Receiver.StartAsync();
        receiver.Respond = _ => 400; // permanent: each delivery fails at its first attempt
        var (client, webhook) = await WebhookAsync(receiver);
        var since = DateTimeOffset.UtcNow.AddMinutes(-1);
        await client.PostAsJsonAsync("/v1/events", new { type = "job.early", data = new { } });
        await client.PostAsJsonAsync("/v1/events", new { type = "job.early", data = new { } });
        await Eventually.ReturnsAsync(() => FailedAsync(webhook), c => c == 2, what: "two failed");
        var until = DateTimeOffset.UtcNow;
        await client.PostAsJsonAsync("/v1/events", new { type = "job.late", data = new { } });
        await Eventually.ReturnsAsync(() => FailedAsync(webhook), c => c == 3, what: "three failed");
        receiver.Respond = _ => 200;

        var recovered = await client.PostAsJsonAsync($"/v1/webhooks/{webhook}/recover", new { since, until });

        Assert.Equal(HttpStatusCode.Accepted, recovered.StatusCode);
        Assert.Equal(2, (await JsonAsync(recovered)).GetProperty("recovered").GetInt32());
        var requests = await Eventually.ReturnsAsync(() => receiver.Requests, r => r.Count == 5, what: "two sent again");
        Assert.Equal(["job.early", "job.early"], requests.Skip(3).Select(EventBodies.TypeOf));
        Assert.Equal(1L, await FailedAsync(webhook));
    }

    [Fact]
    public async Task Recover_and_bulk_retry_answer_400_naming_until_when_it_is_not_after_since()
    {
        await using var receiver = await Receiver.StartAsync();
        var (client, webhook) = await WebhookAsync(receiver);
        var since = DateTimeOffset.UtcNow.AddHours(-1);

        var recover = await client.PostAsJsonAsync($"/v1/webhooks/{webhook}/recover", new { since, until = since });
        var retry = await client.PostAsJsonAsync($"/v1/webhooks/{webhook}/deliveries/retry", new { since, until = since.AddMinutes(-1) });

        foreach (var response in new[] { recover, retry })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = await JsonAsync(response);
            Assert.Equal("invalid_parameter", problem.GetProperty("code").GetString());
            Assert.True(problem.GetProperty("errors").TryGetProperty("until", out _));
        }
    }

    [Fact]
    public async Task Bulk_retry_answers_202_with_the_count_matched_and_redelivers_those_failed_deliveries_in_order()
    {
        await using var receiver = await Receiver.StartAsync();
        receiver.Respond = _ => 400;
        var (client, webhook) = await WebhookAsync(receiver);
        var sent = new List<string>();
        foreach (var type in new[] { "job.paid", "job.other", "job.paid", "job.paid" })
        {
            sent.Add((await JsonAsync(await client.PostAsJsonAsync("/v1/events", new { type, data = new { } }))).GetProperty("id").GetString()!);
        }
        await Eventually.ReturnsAsync(() => FailedAsync(webhook), c => c == 4, what: "four failed");
        receiver.Respond = _ => 200;

        var response = await client.PostAsJsonAsync($"/v1/webhooks/{webhook}/deliveries/retry",
            new { status = "failed", event_type = "job.paid", since = DateTimeOffset.UtcNow.AddHours(-1) });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(3, (await JsonAsync(response)).GetProperty("matched").GetInt32());
        var requests = await Eventually.ReturnsAsync(() => receiver.Requests, r => r.Count == 7, what: "three sent again");
        Assert.Equal([sent[0], sent[2], sent[3]], requests.Skip(4).Select(r => r.Headers["webhook-id"]));
        Assert.Equal(1L, await FailedAsync(webhook));
    }

    [Fact]
    public async Task Bulk_retry_refuses_other_statuses_wildcard_types_and_unknown_webhooks()
    {
        await using var receiver = await Receiver.StartAsync();
        var (client, webhook) = await WebhookAsync(receiver);

        var pending = await client.PostAsJsonAsync($"/v1/webhooks/{webhook}/deliveries/retry", new { status = "pending" });
        var wildcard = await client.PostAsJsonAsync($"/v1/webhooks/{webhook}/deliveries/retry", new { event_type = "job.*" });
        var unknownField = await client.PostAsJsonAsync($"/v1/webhooks/{webhook}/deliveries/retry", new { type = "job.a" });
        var missing = await client.PostAsJsonAsync("/v1/webhooks/wh_missing/deliveries/retry", new { status = "failed" });
        var empty = await client.PostAsync($"/v1/webhooks/{webhook}/deliveries/retry", null);

        Assert.Equal((HttpStatusCode.UnprocessableEntity, HttpStatusCode.UnprocessableEntity, HttpStatusCode.BadRequest, HttpStatusCode.NotFound),
            (pending.StatusCode, wildcard.StatusCode, unknownField.StatusCode, missing.StatusCode));
        Assert.True((await JsonAsync(pending)).GetProperty("errors").TryGetProperty("status", out _));
        Assert.Equal(HttpStatusCode.Accepted, empty.StatusCode);
        Assert.Equal(0, (await JsonAsync(empty)).GetProperty("matched").GetInt32());
    }

    [Fact]
    public async Task Catalog_example_is_stored_shown_and_must_match_the_schema()
    {
        var p = CatalogTestData.Prefix();
        var example = """{"server_id":"srv-1","region":"fra1"}""";

        var put = await Admin.PutAsync($"/v1/event-types/{p}.server.provisioned",
            Json($$"""{"schema":{{CatalogTestData.ServerSchema}},"example":{{example}}}"""));
        var wrong = await Admin.PutAsync($"/v1/event-types/{p}.server.broken",
            Json($$$"""{"schema":{{{CatalogTestData.ServerSchema}}},"example":{"server_id":"x"}}"""));
        var notObject = await Admin.PutAsync($"/v1/event-types/{p}.server.list", Json("""{"example":[1]}"""));

        Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        var shown = await Admin.GetFromJsonAsync<JsonElement>($"/v1/event-types/{p}.server.provisioned");
        Assert.Equal("fra1", shown.GetProperty("example").GetProperty("region").GetString());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrong.StatusCode);
        var errors = (await JsonAsync(wrong)).GetProperty("errors");
        Assert.Contains(errors.EnumerateObject(), e => e.Name.StartsWith("example", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, (await Admin.GetAsync($"/v1/event-types/{p}.server.broken")).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, notObject.StatusCode);
    }

    [Fact]
    public async Task Test_with_a_type_sends_the_catalog_example_signed_and_answers_its_event_type()
    {
        var p = CatalogTestData.Prefix();
        await Admin.PutAsync($"/v1/event-types/{p}.server.provisioned",
            Json($$$"""{"schema":{{{CatalogTestData.ServerSchema}}},"example":{"server_id":"srv-1","region":"fra1"}}"""));
        await using var receiver = await Receiver.StartAsync();
        var (_, key) = await fixture.CreateAccountAsync();
        var client = fixture.Client(key);
        var created = await JsonAsync(await client.PostAsJsonAsync("/v1/webhooks", new { url = receiver.Url(), events = new[] { "job.*" } }));
        var webhook = created.GetProperty("id").GetString();

        var byExample = await JsonAsync(await client.PostAsJsonAsync($"/v1/webhooks/{webhook}/test", new { type = $"{p}.server.provisioned" }));
        var byData = await JsonAsync(await client.PostAsJsonAsync($"/v1/webhooks/{webhook}/test",
            new { type = $"{p}.server.provisioned", data = new { server_id = "srv-2", region = "ams3" } }));
        var ping = await JsonAsync(await client.PostAsync($"/v1/webhooks/{webhook}/test", null));

        Assert.Equal(($"{p}.server.provisioned", true), (byExample.GetProperty("event_type").GetString(), byExample.GetProperty("succeeded").GetBoolean()));
        Assert.Equal($"{p}.server.provisioned", byData.GetProperty("event_type").GetString());
        Assert.Equal("webhook.test", ping.GetProperty("event_type").GetString());
        var requests = await Eventually.ReturnsAsync(() => receiver.Requests, r => r.Count == 3, what: "three tests");
        Assert.Equal([$"{p}.server.provisioned", $"{p}.server.provisioned", "webhook.test"], requests.Select(EventBodies.TypeOf));
        Assert.Equal(("fra1", "ams3"), (EventBodies.DataOf(requests[0]).GetProperty("region").GetString(), EventBodies.DataOf(requests[1]).GetProperty("region").GetString()));
        Assert.Equal(byExample.GetProperty("event_id").GetString(), requests[0].Headers["webhook-id"]);
        var (verified, output) = await StandardWebhooksNode.VerifyAsync(created.GetProperty("secret").GetString()!, requests[0]);
        Assert.True(verified, output);
    }

    [Fact]
    public async Task Test_refuses_unknown_types_data_the_schema_refuses_and_data_without_a_type_and_sends_nothing()
    {
        var p = CatalogTestData.Prefix();
        await Admin.PutAsync($"/v1/event-types/{p}.server.provisioned", Json($$"""{"schema":{{CatalogTestData.ServerSchema}}}"""));
        await using var receiver = await Receiver.StartAsync();
        var (client, webhook) = await WebhookAsync(receiver);

        var unknown = await client.PostAsJsonAsync($"/v1/webhooks/{webhook}/test", new { type = $"{p}.nope" });
        var invalid = await client.PostAsJsonAsync($"/v1/webhooks/{webhook}/test", new { type = $"{p}.server.provisioned", data = new { server_id = "x" } });
        var untyped = await client.PostAsJsonAsync($"/v1/webhooks/{webhook}/test", new { data = new { a = 1 } });
        var builtIn = await JsonAsync(await client.PostAsJsonAsync($"/v1/webhooks/{webhook}/test", new { type = "delivery.failing" }));

        foreach (var (response, field) in new[] { (unknown, "type"), (invalid, "data"), (untyped, "type") })
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            var problem = await JsonAsync(response);
            Assert.Equal("validation_failed", problem.GetProperty("code").GetString());
            Assert.Contains(problem.GetProperty("errors").EnumerateObject(), e => e.Name.StartsWith(field, StringComparison.Ordinal));
        }
        Assert.Equal("delivery.failing", builtIn.GetProperty("event_type").GetString());
        Assert.Equal(["delivery.failing"], receiver.Requests.Select(EventBodies.TypeOf));
    }

    [Fact]
    public async Task Creating_a_webhook_with_test_sends_a_ping_and_answers_its_outcome_and_creates_it_even_when_it_fails()
    {
        await using var receiver = await Receiver.StartAsync();
        receiver.Behave = (n, _) => n == 1 ? 200 : 503;
        var (_, key) = await fixture.CreateAccountAsync();
        var client = fixture.Client(key);

        var ok = await client.PostAsJsonAsync("/v1/webhooks", new { url = receiver.Url(), events = new[] { "job.*" }, test = true });
        var failed = await client.PostAsJsonAsync("/v1/webhooks", new { url = receiver.Url("/b"), events = new[] { "job.*" }, test = true });
        var without = await JsonAsync(await client.PostAsJsonAsync("/v1/webhooks", new { url = receiver.Url("/c"), events = new[] { "job.*" } }));

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (ok.StatusCode, failed.StatusCode));
        var okTest = (await JsonAsync(ok)).GetProperty("test");
        var failedBody = await JsonAsync(failed);
        Assert.Equal((true, 200, "webhook.test"), (okTest.GetProperty("succeeded").GetBoolean(), okTest.GetProperty("status_code").GetInt32(),
            okTest.GetProperty("event_type").GetString()));
        Assert.Equal((false, 503), (failedBody.GetProperty("test").GetProperty("succeeded").GetBoolean(),
            failedBody.GetProperty("test").GetProperty("status_code").GetInt32()));
        Assert.Equal("active", (await client.GetFromJsonAsync<JsonElement>($"/v1/webhooks/{failedBody.GetProperty("id").GetString()}")).GetProperty("status").GetString());
        Assert.False(without.TryGetProperty("test", out _));
        Assert.Equal(["/hook", "/b"], receiver.Requests.Select(r => r.Path));
    }

    [Fact]
    public async Task Lifecycle_events_reach_the_webhooks_subscribed_to_them_and_not_the_catch_all()
    {
        await using var ops = await Receiver.StartAsync();
        await using var everything = await Receiver.StartAsync();
        var (_, key) = await fixture.CreateAccountAsync();
        var client = fixture.Client(key);
        await client.PostAsJsonAsync("/v1/webhooks", new { url = ops.Url(), events = new[] { "webhook.*", "secret.rotated" } });
        await client.PostAsJsonAsync("/v1/webhooks", new { url = everything.Url(), events = new[] { "*" } });

        var webhook = (await JsonAsync(await client.PostAsJsonAsync("/v1/webhooks", new { url = "http://127.0.0.1:9/x", events = new[] { "job.*" } })))
            .GetProperty("id").GetString();
        await Eventually.ReturnsAsync(() => ops.Requests, r => r.Any(x => EventBodies.TypeOf(x) == "webhook.created" && EventBodies.DataOf(x).GetProperty("webhook_id").GetString() == webhook),
            what: "created");
        Assert.Equal(HttpStatusCode.OK, (await client.PatchAsJsonAsync($"/v1/webhooks/{webhook}", new { description = "renamed" })).StatusCode);
        await Eventually.ReturnsAsync(() => ops.Requests, r => r.Any(x => EventBodies.TypeOf(x) == "webhook.updated"), what: "updated");
        await client.PostAsync($"/v1/webhooks/{webhook}/disable", null);
        await client.PostAsync($"/v1/webhooks/{webhook}/enable", null);
        await client.PostAsync($"/v1/webhooks/{webhook}/enable", null); // already active: no second event
        await client.PostAsJsonAsync($"/v1/webhooks/{webhook}/rotate-secret", new { });
        await client.DeleteAsync($"/v1/webhooks/{webhook}");

        var told = await Eventually.ReturnsAsync(() => ops.Requests, r => r.Any(x => EventBodies.TypeOf(x) == "webhook.deleted"), what: "deleted");
        var about = told.Where(r => EventBodies.DataOf(r).GetProperty("webhook_id").GetString() == webhook).ToList();
        Assert.Equal(["webhook.created", "webhook.updated", "webhook.disabled", "webhook.enabled", "secret.rotated", "webhook.deleted"],
            about.Select(EventBodies.TypeOf));
        Assert.Equal("renamed", EventBodies.DataOf(about[1]).GetProperty("description").GetString());
        Assert.Equal("active", EventBodies.DataOf(about[3]).GetProperty("status").GetString());
        Assert.True(EventBodies.DataOf(about[4]).TryGetProperty("previous_secret_expires_at", out _));
        Assert.DoesNotContain(about.SelectMany(r => EventBodies.DataOf(r).EnumerateObject()), p => p.Name.Contains("secret", StringComparison.Ordinal)
            && p.Name != "previous_secret_expires_at");
        Assert.Empty(everything.Requests);
    }
}
