using Herald.Grains.Storage;
using Herald.Grains.Telemetry;
using Herald.Tests.Infrastructure;

namespace Herald.Tests.Operations;

[Collection(OutageCollection.Name)]
public sealed class StreakOutboxTests(OutageClusterFixture fixture)
{
    [Fact]
    public async Task A_failing_event_whose_publish_fails_stays_in_the_outbox_and_is_published_once_later()
    {
        await fixture.ReadyAsync();
        await using var receiver = await Receiver.StartAsync();
        await using var ops = await Receiver.StartAsync();
        receiver.Respond = n => n <= 5 ? 500 : 200;
        var scenario = await ClusterScenario.StartAsync(fixture);
        var webhook = await scenario.WebhookAsync(receiver.Url(), ["job.*"], ClusterScenario.Schedule(Enumerable.Repeat(0.05, 8).ToArray()));
        await scenario.WebhookAsync(ops.Url(), ["delivery.*"]);
        using var failedPasses = new HeraldCounter(HeraldMetrics.PassFailures);
        await fixture.Database.ExecuteAsync("""
            create function refuse_failing() returns trigger language plpgsql as
              $$ begin raise exception 'injected fault: delivery.failing refused'; end $$;
            create trigger refuse_failing before insert on herald_events
              for each row when (new.event_type = 'delivery.failing') execute function refuse_failing();
            """);
        string eventId;
        try
        {
            eventId = await scenario.PublishAsync("job.slow");

            await Eventually.ReturnsAsync(() => Task.FromResult(failedPasses.Count), c => c >= 1, what: "the streak event's publish failed");
            Assert.Equal("failing", await fixture.Database.ScalarAsync<string>(
                "select kind from herald_failure_outbox where endpoint_id = @endpoint", ("endpoint", webhook)));
            Assert.Equal(5, receiver.Requests.Count); // nothing is sent while the row waits
        }
        finally
        {
            await fixture.Database.ExecuteAsync("drop trigger refuse_failing on herald_events; drop function refuse_failing();");
        }

        await scenario.StatusWhenAsync(eventId, webhook, DeliveryStatuses.Succeeded);
        var told = await Eventually.ReturnsAsync(() => ops.Requests, r => r.Count == 2, what: "failing, then recovered");
        Assert.Equal(["delivery.failing", "delivery.recovered"], told.Select(EventBodies.TypeOf));
        await Eventually.ReturnsAsync(() => fixture.Database.ScalarAsync<long>(
            "select count(*) from herald_failure_outbox where endpoint_id = @endpoint", ("endpoint", webhook)), c => c == 0, what: "rows deleted");
        Assert.False(await Eventually.HoldsAsync(() => ops.Requests.Count > 2, TimeSpan.FromMilliseconds(300)), "an event was published twice");
    }
}
