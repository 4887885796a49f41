using System.Diagnostics;
using System.Net;
using System.Text;
using Herald.Tests.Infrastructure;
using Herald.Tests.Signatures;

namespace Herald.Tests.Api.Patch;

/// <summary>What deliveries do after a PATCH: new subscriptions match, queued deliveries follow the new URL and mode.</summary>
[Collection(WebhookPatchCollection.Name)]
public sealed class WebhookPatchDeliveryTests(ApiFixture fixture)
{
    private static bool IsType(ReceivedRequest request, string type) =>
        Encoding.UTF8.GetString(request.Body).Contains($"\"type\":\"{type}\"", StringComparison.Ordinal);

    [Fact]
    public async Task Events_published_after_the_patch_match_the_new_subscription_and_not_the_old_one()
    {
        await using var receiver = await Receiver.StartAsync();
        var client = fixture.Client((await fixture.CreateAccountAsync()).Key);
        var (id, _, _) = await client.CreateWebhookAsync(new { url = receiver.Url(), events = new[] { "order.created" } });
        await client.PublishAndReceiveAsync(receiver, new { type = "order.created", data = new { n = 1 } });

        var patched = await client.PatchAsync($"/v1/webhooks/{id}", new { events = new[] { "order.shipped" } });
        var (_, oldType, _) = await client.SendAsync(HttpMethod.Post, "/v1/events", new { type = "order.created", data = new { n = 2 } });
        await client.PublishAndReceiveAsync(receiver, new { type = "order.shipped", data = new { n = 3 } });

        Assert.Equal(HttpStatusCode.OK, patched.Status);
        Assert.Equal(0, oldType.GetProperty("endpoints").GetInt32());
        // Strict order: had the second order.created been queued, it would have arrived before order.shipped.
        Assert.Single(receiver.Requests, r => IsType(r, "order.created"));
        Assert.Single(receiver.Requests, r => IsType(r, "order.shipped"));
    }

    [Fact]
    public async Task A_queued_delivery_is_retried_at_the_new_url_and_the_next_one_goes_there_too()
    {
        await using var broken = await Receiver.StartAsync();
        await using var fixedReceiver = await Receiver.StartAsync();
        broken.Respond = _ => 503;
        var client = fixture.Client((await fixture.CreateAccountAsync()).Key);
        var (id, _, _) = await client.CreateWebhookAsync(new
        {
            url = broken.Url("/old"), events = new[] { "*" }, retry = new { schedule = new[] { "1s", "1s", "1s", "1s", "1s", "1s", "1s", "1s" } },
        });
        var (_, accepted, _) = await client.SendAsync(HttpMethod.Post, "/v1/events", new { type = "invoice.paid", data = new { n = 1 } });
        var queued = accepted.GetProperty("id").GetString();
        await Eventually.ReturnsAsync(() => broken.Requests, r => r.Count >= 1, what: "the first attempt fails at the old URL");

        var patched = await client.PatchAsync($"/v1/webhooks/{id}", new { url = fixedReceiver.Url("/new") });
        var retried = await Eventually.ReturnsAsync(() => fixedReceiver.Requests, r => r.Any(x => x.Headers["webhook-id"] == queued),
            what: "the queued delivery arrives at the new URL");
        var next = await client.PublishAndReceiveAsync(fixedReceiver, new { type = "invoice.paid", data = new { n = 2 } });

        Assert.Equal(HttpStatusCode.OK, patched.Status);
        Assert.Equal("/new", retried.First(x => x.Headers["webhook-id"] == queued).Path);
        Assert.Equal("/new", next.Path);
        Assert.DoesNotContain(broken.Requests, r => r.Headers["webhook-id"] != queued);
    }

    [Fact]
    public async Task A_patch_does_not_wait_for_an_attempt_in_flight()
    {
        await using var receiver = await Receiver.StartAsync();
        receiver.Behave = (_, _) => new Reply(Hang: TimeSpan.FromSeconds(40));
        var client = fixture.Client((await fixture.CreateAccountAsync()).Key);
        var (id, _, _) = await client.CreateWebhookAsync(new { url = receiver.Url(), events = new[] { "*" }, timeout_seconds = 60, retry = new { preset = "none" } });
        await client.SendAsync(HttpMethod.Post, "/v1/events", new { type = "slow.thing", data = new { } });
        await Eventually.ReturnsAsync(() => receiver.Requests, r => r.Count == 1, what: "an attempt hangs");

        var clock = Stopwatch.StartNew();
        var patched = await client.PatchAsync($"/v1/webhooks/{id}", new { description = "changed mid-attempt" });

        Assert.Equal(HttpStatusCode.OK, patched.Status);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"the PATCH took {clock.Elapsed}");
    }

    [Fact]
    public async Task Switching_to_strict_while_messages_are_in_flight_orders_what_follows()
    {
        await using var receiver = await Receiver.StartAsync();
        var firstTries = 0;
        receiver.Behave = (_, r) =>
            IsType(r, "job.slow") ? new Reply(Hang: TimeSpan.FromMilliseconds(500))
            : IsType(r, "job.flaky") && Interlocked.Increment(ref firstTries) == 1 ? 500
            : Reply.Ok;
        var client = fixture.Client((await fixture.CreateAccountAsync()).Key);
        var (id, _, _) = await client.CreateWebhookAsync(new
        {
            url = receiver.Url(), events = new[] { "*" }, ordering = "concurrent", max_in_flight = 4, retry = new { schedule = new[] { "1s" } },
        });
        var slow = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            slow.Add((await client.SendAsync(HttpMethod.Post, "/v1/events", new { type = "job.slow", data = new { i } })).Body.GetProperty("id").GetString()!);
        }
        await Eventually.ReturnsAsync(() => receiver.Requests, r => r.Count >= 1, what: "slow deliveries in flight");

        var patched = await client.PatchAsync($"/v1/webhooks/{id}", new { ordering = "strict" });
        await client.SendAsync(HttpMethod.Post, "/v1/events", new { type = "job.flaky", data = new { } });
        var after = await client.PublishAndReceiveAsync(receiver, new { type = "job.after", data = new { } });

        Assert.Equal(HttpStatusCode.OK, patched.Status);
        var requests = receiver.Requests;
        // Strict from the next pass on: the flaky message blocks the one behind it until its retry succeeds.
        Assert.Equal(2, requests.TakeWhile(r => r != after).Count(r => IsType(r, "job.flaky")));
        Assert.All(slow, s => Assert.Single(requests, r => r.Headers["webhook-id"] == s));
    }
}
