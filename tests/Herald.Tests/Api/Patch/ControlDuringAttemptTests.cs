using System.Diagnostics;
using System.Net;
using Herald.Tests.Infrastructure;
using Herald.Tests.Signatures;

namespace Herald.Tests.Api.Patch;

/// <summary>Pausing and resuming do not wait for an attempt in flight: a hanging receiver can be paused at once.</summary>
[Collection(WebhookPatchCollection.Name)]
public sealed class ControlDuringAttemptTests(ApiFixture fixture)
{
    [Fact]
    public async Task Disable_and_enable_answer_at_once_while_an_attempt_hangs_and_the_held_message_goes_out_after_enable()
    {
        await using var receiver = await Receiver.StartAsync();
        var hang = true;
        receiver.Behave = (_, _) => Volatile.Read(ref hang) ? new Reply(Hang: TimeSpan.FromSeconds(25)) : Reply.Ok;
        var client = fixture.Client((await fixture.CreateAccountAsync()).Key);
        var (id, _, _) = await client.CreateWebhookAsync(new { url = receiver.Url(), events = new[] { "*" }, timeout_seconds = 60, retry = new { schedule = new[] { "1s" } } });
        await client.SendAsync(HttpMethod.Post, "/v1/events", new { type = "slow.thing", data = new { } });
        await Eventually.ReturnsAsync(() => receiver.Requests, r => r.Count == 1, what: "an attempt hangs");
        var queued = (await client.SendAsync(HttpMethod.Post, "/v1/events", new { type = "next.thing", data = new { } })).Body.GetProperty("id").GetString()!;

        var clock = Stopwatch.StartNew();
        var disabled = await client.SendAsync(HttpMethod.Post, $"/v1/webhooks/{id}/disable", new { });
        var disableTook = clock.Elapsed;
        Volatile.Write(ref hang, false);
        clock.Restart();
        var enabled = await client.SendAsync(HttpMethod.Post, $"/v1/webhooks/{id}/enable", new { });
        var enableTook = clock.Elapsed;

        Assert.Equal(HttpStatusCode.OK, disabled.Status);
        Assert.Equal("disabled", disabled.Body.GetProperty("status").GetString());
        Assert.True(disableTook < TimeSpan.FromSeconds(10), $"the disable took {disableTook}");
        Assert.Equal(HttpStatusCode.OK, enabled.Status);
        Assert.Equal("active", enabled.Body.GetProperty("status").GetString());
        Assert.True(enableTook < TimeSpan.FromSeconds(10), $"the enable took {enableTook}");
        // Strict order still holds: the queued message goes out only once the hanging one has ended and been retried.
        await Eventually.ReturnsAsync(() => receiver.Requests, r => r.Any(x => x.Headers["webhook-id"] == queued), TimeSpan.FromSeconds(90),
            "the queued message is delivered after the enable");
    }
}
