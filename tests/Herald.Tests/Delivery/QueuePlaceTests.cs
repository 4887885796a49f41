using Herald.Grains.Storage;
using Herald.Tests.Infrastructure;

namespace Herald.Tests.Delivery;

/// <summary>
/// A strict queue is read from where its drain got to; work that lands behind that place (a publish committed late,
/// or anything the recovery sweep finds) is still delivered, because its signal moves the place back.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class QueuePlaceTests(ClusterFixture fixture)
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_delivery_queued_behind_the_drain_is_delivered_when_signalled(bool withItsPlace)
    {
        await using var receiver = await Receiver.StartAsync();
        var scenario = await ClusterScenario.StartAsync(fixture);
        var webhook = await scenario.WebhookAsync(receiver.Url(), ["*"]);
        var first = await scenario.PublishAsync("place.first", new { n = 1 });
        // A publish that takes its place now (places are unique) and commits after the next one is delivered.
        var latePlace = await fixture.Database.ScalarAsync<long>("select nextval(pg_get_serial_sequence('herald_deliveries', 'seq'))");
        var second = await scenario.PublishAsync("place.second", new { n = 2 });
        await scenario.StatusWhenAsync(second, webhook, DeliveryStatuses.Succeeded);

        // A pending delivery between the two finished ones.
        var late = "evt_late_" + Guid.NewGuid().ToString("N");
        await fixture.Database.ExecuteAsync("""
            with e as (insert into herald_events (account_id, event_id, event_type, body, endpoint_count, created_at)
                       values (@account, @event, 'place.late', convert_to('{"late":true}', 'UTF8'), 1, now()))
            insert into herald_deliveries (delivery_id, endpoint_id, account_id, event_id, seq, next_attempt_at)
            values (@delivery, @endpoint, @account, @event, @seq, now())
            """, ("account", scenario.AccountId), ("event", late), ("delivery", "dlv_late_" + Guid.NewGuid().ToString("N")),
            ("endpoint", webhook), ("seq", latePlace));

        // Its publish would name its place; the recovery sweep names none (the whole queue).
        await scenario.Endpoint(webhook).NotifyAsync(withItsPlace ? latePlace : 0);

        await scenario.StatusWhenAsync(late, webhook, DeliveryStatuses.Succeeded);
        await Eventually.ReturnsAsync(() => receiver.Requests, r => r.Any(x => x.Headers["webhook-id"] == late), what: "the late delivery arrives");
    }
}
