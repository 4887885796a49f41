using Herald.Abstractions.Webhooks;
using Herald.Grains.Storage;
using Herald.Tests.Infrastructure;

namespace Herald.Tests.Delivery;

[Collection(ClusterCollection.Name)]
public sealed class RetryTimingTests(ClusterFixture fixture)
{
    [Fact]
    public async Task A_schedule_spaces_the_attempts_and_allows_one_more_than_its_entries()
    {
        await using var receiver = await Receiver.StartAsync();
        receiver.Respond = _ => 500;
        var scenario = await ClusterScenario.StartAsync(fixture);
        var webhook = await scenario.WebhookAsync(receiver.Url(), ["*"], ClusterScenario.Schedule(0.3, 0.6));

        var eventId = await scenario.PublishAsync("server.created");

        await scenario.StatusWhenAsync(eventId, webhook, DeliveryStatuses.Failed);
        var attempts = await scenario.AttemptsAsync(webhook);
        Assert.Equal([1, 2, 3], attempts.Select(a => a.Attempt));
        AssertPlannedDelay(attempts[0], 0.3);
        AssertPlannedDelay(attempts[1], 0.6);
        Assert.Null(attempts[2].NextAttemptAt);
        Assert.True(attempts[1].AttemptedAt - attempts[0].AttemptedAt >= TimeSpan.FromSeconds(0.27));
        Assert.True(attempts[2].AttemptedAt - attempts[1].AttemptedAt >= TimeSpan.FromSeconds(0.54));
    }

    [Fact]
    public async Task Exponential_backoff_multiplies_the_delay_and_counts_the_first_attempt()
    {
        await using var receiver = await Receiver.StartAsync();
        receiver.Respond = _ => 502;
        var scenario = await ClusterScenario.StartAsync(fixture);
        var retry = new RetryPolicy(null, new ExponentialBackoff(TimeSpan.FromSeconds(0.2), 2, 3), false);
        var webhook = await scenario.WebhookAsync(receiver.Url(), ["*"], retry);

        var eventId = await scenario.PublishAsync("server.created");

        await scenario.StatusWhenAsync(eventId, webhook, DeliveryStatuses.Failed);
        var attempts = await scenario.AttemptsAsync(webhook);
        Assert.Equal(3, attempts.Count);
        AssertPlannedDelay(attempts[0], 0.2);
        AssertPlannedDelay(attempts[1], 0.4);
    }

    /// <summary>The planned delay is the schedule's entry within ±10% jitter, plus the attempt's own latency.</summary>
    private static void AssertPlannedDelay(AttemptLogEntry attempt, double seconds)
    {
        var planned = (attempt.NextAttemptAt!.Value - attempt.AttemptedAt).TotalSeconds - (attempt.LatencyMs / 1000.0);
        Assert.InRange(planned, seconds * 0.9 - 0.005, seconds * 1.1 + 0.05);
    }
}
