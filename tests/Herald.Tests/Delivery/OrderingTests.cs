using System.Text;
using Herald.Abstractions.Webhooks;
using Herald.Tests.Infrastructure;

namespace Herald.Tests.Delivery;

[Collection(ClusterCollection.Name)]
public sealed class OrderingTests(ClusterFixture fixture)
{
    private static bool IsPoison(ReceivedRequest r) => Encoding.UTF8.GetString(r.Body).Contains("poison", StringComparison.Ordinal);

    [Fact]
    public async Task Concurrent_mode_delivers_the_rest_while_one_message_is_retried()
    {
        await using var receiver = await Receiver.StartAsync();
        receiver.Behave = (_, r) => IsPoison(r) ? 500 : 200;
        var scenario = await ClusterScenario.StartAsync(fixture);
        // The poison message waits 5 s for its retry: everything behind it must arrive in that gap.
        var webhook = await scenario.WebhookAsync(receiver.Url(), ["*"], ClusterScenario.Schedule(5),
            ordering: DeliveryOrdering.Concurrent, maxInFlight: 4);

        await scenario.PublishAsync("job.poison", new { kind = "poison" });
        var healthy = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            healthy.Add(await scenario.PublishAsync("job.ok", new { i }));
        }

        var requests = await Eventually.ReturnsAsync(() => receiver.Requests,
            r => healthy.All(id => r.Any(x => x.Headers["webhook-id"] == id)), what: "the healthy messages arrive");
        Assert.Single(requests, IsPoison);
        var poisonAttempts = (await scenario.AttemptsAsync(webhook)).Where(a => a.EventType == "job.poison").ToList();
        Assert.Single(poisonAttempts);
        Assert.NotNull(poisonAttempts[0].NextAttemptAt);
    }

    [Fact]
    public async Task Strict_mode_holds_the_rest_until_the_head_is_done()
    {
        await using var receiver = await Receiver.StartAsync();
        receiver.Behave = (_, r) => IsPoison(r) ? 500 : 200;
        var scenario = await ClusterScenario.StartAsync(fixture);
        var webhook = await scenario.WebhookAsync(receiver.Url(), ["*"], ClusterScenario.Schedule(0.3, 0.3));

        await scenario.PublishAsync("job.poison", new { kind = "poison" });
        var next = await scenario.PublishAsync("job.ok");

        var requests = await Eventually.ReturnsAsync(() => receiver.Requests, r => r.Any(x => x.Headers["webhook-id"] == next), what: "next delivered");
        Assert.Equal(3, requests.TakeWhile(IsPoison).Count());
    }

    [Fact]
    public async Task A_rate_limit_spaces_deliveries()
    {
        await using var receiver = await Receiver.StartAsync();
        var scenario = await ClusterScenario.StartAsync(fixture);
        await scenario.WebhookAsync(receiver.Url(), ["*"], rateLimit: 5);

        for (var i = 0; i < 6; i++)
        {
            await scenario.PublishAsync("tick");
        }

        var requests = await Eventually.ReturnsAsync(() => receiver.Requests, r => r.Count == 6, what: "six deliveries");
        Assert.True(requests[^1].ReceivedAt - requests[0].ReceivedAt >= TimeSpan.FromSeconds(0.9),
            $"6 deliveries at 5/s took {(requests[^1].ReceivedAt - requests[0].ReceivedAt).TotalSeconds:0.000}s");
    }
}
