using Herald.Abstractions.Accounts;
using Herald.Abstractions.Webhooks;
using Herald.Grains.Storage;
using Herald.Tests.Infrastructure;

namespace Herald.Tests.Operations;

/// <summary><c>delivery.failing</c> and <c>delivery.recovered</c>, with the test silos' default <c>FailingAfter</c> of 5.</summary>
[Collection(ClusterCollection.Name)]
public sealed class StreakEventTests(ClusterFixture fixture)
{
    private static RetryPolicy Retries(int count) => ClusterScenario.Schedule(Enumerable.Repeat(0.05, count).ToArray());

    [Fact]
    public async Task Five_failed_attempts_in_a_row_announce_failing_once_and_the_first_success_announces_recovered()
    {
        await using var receiver = await Receiver.StartAsync();
        await using var ops = await Receiver.StartAsync();
        receiver.Respond = n => n <= 6 ? 500 : 200;
        var scenario = await ClusterScenario.StartAsync(fixture);
        var webhook = await scenario.WebhookAsync(receiver.Url(), ["job.*"], Retries(8));
        await scenario.WebhookAsync(ops.Url(), ["delivery.*"]);

        var eventId = await scenario.PublishAsync("job.slow");

        await scenario.StatusWhenAsync(eventId, webhook, DeliveryStatuses.Succeeded);
        var told = await Eventually.ReturnsAsync(() => ops.Requests, r => r.Count == 2, what: "failing, then recovered");
        Assert.Equal(["delivery.failing", "delivery.recovered"], told.Select(EventBodies.TypeOf));
        Assert.Equal((webhook, eventId, 5, 500), (EventBodies.DataOf(told[0]).GetProperty("webhook_id").GetString(),
            EventBodies.DataOf(told[0]).GetProperty("event_id").GetString(), EventBodies.DataOf(told[0]).GetProperty("attempts").GetInt32(),
            EventBodies.DataOf(told[0]).GetProperty("last_status_code").GetInt32()));
        Assert.Equal((7, 200), (EventBodies.DataOf(told[1]).GetProperty("attempts").GetInt32(), EventBodies.DataOf(told[1]).GetProperty("last_status_code").GetInt32()));
        Assert.All(told, r => Assert.Matches("^evt_.+_(failing|recovered)$", r.Headers["webhook-id"]));
        await Eventually.ReturnsAsync(() => OutboxRowsAsync(webhook), c => c == 0, what: "the outbox rows are applied and deleted");
        Assert.False(await Eventually.HoldsAsync(() => ops.Requests.Count > 2, TimeSpan.FromMilliseconds(300)), "a streak event was sent twice");
    }

    [Fact]
    public async Task A_streak_shorter_than_the_threshold_announces_nothing()
    {
        await using var receiver = await Receiver.StartAsync();
        await using var ops = await Receiver.StartAsync();
        receiver.Respond = n => n <= 4 ? 500 : 200;
        var scenario = await ClusterScenario.StartAsync(fixture);
        var webhook = await scenario.WebhookAsync(receiver.Url(), ["job.*"], Retries(8));
        await scenario.WebhookAsync(ops.Url(), ["delivery.*"]);
        var canary = await scenario.WebhookAsync(ops.Url("/canary"), ["job.*"]);

        var eventId = await scenario.PublishAsync("job.quick");

        await scenario.StatusWhenAsync(eventId, webhook, DeliveryStatuses.Succeeded);
        await scenario.StatusWhenAsync(eventId, canary, DeliveryStatuses.Succeeded);
        Assert.Equal(["/canary"], ops.Requests.Select(r => r.Path));
        Assert.Equal(0L, await OutboxRowsAsync(webhook));
    }

    [Fact]
    public async Task A_delivery_that_fails_for_good_at_the_threshold_announces_failing_before_exhausted_and_disabled()
    {
        await using var receiver = await Receiver.StartAsync();
        await using var ops = await Receiver.StartAsync();
        receiver.Respond = _ => 500;
        var scenario = await ClusterScenario.StartAsync(fixture,
            AccountSettings.Default with { OnExhausted = ExhaustionAction.Disable, DisableAfter = 1 });
        var webhook = await scenario.WebhookAsync(receiver.Url(), ["job.*"], Retries(4));
        await scenario.WebhookAsync(ops.Url(), ["delivery.*", "webhook.disabled"]);

        var eventId = await scenario.PublishAsync("job.lost");

        await scenario.StatusWhenAsync(eventId, webhook, DeliveryStatuses.Failed);
        var told = await Eventually.ReturnsAsync(() => ops.Requests, r => r.Count == 3, what: "failing, exhausted, disabled");
        Assert.Equal(["delivery.failing", "delivery.exhausted", "webhook.disabled"], told.Select(EventBodies.TypeOf));
        Assert.Equal(WebhookStatus.Disabled, (await scenario.Endpoint(webhook).GetAsync())!.Status);
    }

    private Task<long> OutboxRowsAsync(string webhook) =>
        fixture.Database.ScalarAsync<long>("select count(*) from herald_failure_outbox where endpoint_id = @endpoint", ("endpoint", webhook));
}
