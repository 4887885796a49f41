using Herald.Abstractions.Webhooks;
using Herald.Grains.Storage;
using Herald.Tests.Infrastructure;

namespace Herald.Tests.Delivery;

[Collection(ClusterCollection.Name)]
public sealed class ReplayTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Resending_a_delivery_sends_it_again_with_the_same_event_id()
    {
        await using var receiver = await Receiver.StartAsync();
        var scenario = await ClusterScenario.StartAsync(fixture);
        var webhook = await scenario.WebhookAsync(receiver.Url(), ["*"]);
        var eventId = await scenario.PublishAsync("invoice.created");
        var first = (await scenario.AttemptsWhenAsync(webhook, a => a.Count == 1, "delivered"))[0];

        Assert.Equal(ResendOutcome.Queued, await scenario.Endpoint(webhook).ResendAsync(first.DeliveryId));

        var attempts = await scenario.AttemptsWhenAsync(webhook, a => a.Count == 2, "resent");
        Assert.Equal((2, true, first.DeliveryId), (attempts[1].Attempt, attempts[1].Succeeded, attempts[1].DeliveryId));
        Assert.All(receiver.Requests, r => Assert.Equal(eventId, r.Headers["webhook-id"]));
        Assert.Equal(ResendOutcome.NotFound, await scenario.Endpoint(webhook).ResendAsync("dlv_unknown"));
    }

    [Fact]
    public async Task Recover_requeues_failed_deliveries_since_a_time_in_their_order_with_a_fresh_budget()
    {
        await using var receiver = await Receiver.StartAsync();
        var broken = true;
        receiver.Behave = (_, _) => broken ? 410 : 200;
        var scenario = await ClusterScenario.StartAsync(fixture);
        var webhook = await scenario.WebhookAsync(receiver.Url(), ["*"], ClusterScenario.Schedule(0.1));
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        var failed = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            failed.Add(await scenario.PublishAsync("server.created", new { i }));
        }
        await scenario.StatusWhenAsync(failed[^1], webhook, DeliveryStatuses.Failed);
        broken = false;

        Assert.Equal(3, await scenario.Endpoint(webhook).RecoverAsync(before));

        await scenario.StatusWhenAsync(failed[^1], webhook, DeliveryStatuses.Succeeded);
        Assert.Equal(failed, receiver.Requests.Skip(3).Select(r => r.Headers["webhook-id"]));
    }
}
