using Herald.Abstractions.Webhooks;
using Herald.Grains.Storage;
using Herald.Tests.Infrastructure;

namespace Herald.Tests.Delivery;

/// <summary>
/// Sustained traffic is delivered from the notices the publishes send, without reading each delivery back from
/// PostgreSQL; a notice that does not follow on sends the endpoint to its queue, which it then delivers in order.
/// </summary>
[Collection(OutageCollection.Name)]
public sealed class QueueWindowDeliveryTests(OutageClusterFixture fixture)
{
    // The strict drain's read of its queue (DeliveryQueue.PeekHeadAsync).
    private const string HeadRead = "d.seq > @after";

    [Fact]
    public async Task Publishes_one_at_a_time_are_delivered_in_order_without_reading_the_queue_back()
    {
        await fixture.ReadyAsync();
        await using var receiver = await Receiver.StartAsync();
        var scenario = await ClusterScenario.StartAsync(fixture);
        var webhook = await scenario.WebhookAsync(receiver.Url(), ["*"]);
        using var reads = new StatementCounter(fixture.Database.Name, HeadRead);

        var published = new List<string>();
        for (var i = 0; i < 40; i++)
        {
            published.Add(await scenario.PublishAsync("steady.tick", new { i }));
        }

        var requests = await Eventually.ReturnsAsync(() => receiver.Requests, r => r.Count == 40, what: "all 40 delivered");
        Assert.Equal(published, requests.Select(r => r.Headers["webhook-id"]));
        await scenario.StatusWhenAsync(published[^1], webhook, DeliveryStatuses.Succeeded);
        Assert.InRange(reads.Count, 0, 2);
    }

    [Fact]
    public async Task Deliveries_queued_before_a_new_endpoints_first_notice_go_first_and_not_before_they_are_due()
    {
        await fixture.ReadyAsync();
        await using var receiver = await Receiver.StartAsync();
        var scenario = await ClusterScenario.StartAsync(fixture);
        var webhook = await scenario.WebhookAsync(receiver.Url(), ["*"]);
        var due = DateTimeOffset.UtcNow.AddSeconds(3);
        // Rows no notice told of (loaded by hand, or by an earlier activation of the account), due a little later.
        await QueuedRows.InsertAsync(fixture.Database, scenario.AccountId, webhook, "early", 5, due);

        var tail = await scenario.PublishAsync("late.tail");

        var requests = await Eventually.ReturnsAsync(() => receiver.Requests, r => r.Count == 6, what: "all six delivered");
        var queueOrder = await fixture.Database.TextColumnAsync(
            "select event_id from herald_deliveries where endpoint_id = @endpoint order by seq", ("endpoint", webhook));
        Assert.Equal(queueOrder, requests.Select(r => r.Headers["webhook-id"]));
        Assert.Equal(tail, queueOrder[^1]);
        Assert.True(requests[0].ReceivedAt >= due, $"the first delivery arrived at {requests[0].ReceivedAt:O}, due at {due:O}");
    }

    [Fact]
    public async Task A_notice_whose_previous_place_was_not_seen_sends_the_endpoint_to_its_queue_in_order()
    {
        await fixture.ReadyAsync();
        await using var receiver = await Receiver.StartAsync();
        var scenario = await ClusterScenario.StartAsync(fixture);
        var webhook = await scenario.WebhookAsync(receiver.Url(), ["*"]);
        // Two deliveries committed in this order, as by two publishes; only the second one's notice arrives (the
        // first is late, or was lost with its sender).
        var places = new List<long>();
        foreach (var name in new[] { "early", "late" })
        {
            places.Add(await fixture.Database.ScalarAsync<long>("""
                with e as (insert into herald_events (account_id, event_id, event_type, body, endpoint_count, created_at)
                           values (@account, @event, 'gap.test', convert_to('{}', 'UTF8'), 1, now()))
                insert into herald_deliveries (delivery_id, endpoint_id, account_id, event_id, next_attempt_at)
                values ('dlv_' || @event, @endpoint, @account, @event, now()) returning seq
                """, ("account", scenario.AccountId), ("endpoint", webhook), ("event", $"evt_{name}_{webhook}")));
        }

        using var reads = new StatementCounter(fixture.Database.Name, HeadRead);
        await scenario.Endpoint(webhook).NotifyQueuedAsync(new DeliveryNotice(
            $"dlv_evt_late_{webhook}", places[1], places[0], $"evt_late_{webhook}", "gap.test", "{}"u8.ToArray(), DateTimeOffset.UtcNow));

        var requests = await Eventually.ReturnsAsync(() => receiver.Requests, r => r.Count == 2, what: "both delivered");
        Assert.Equal([$"evt_early_{webhook}", $"evt_late_{webhook}"], requests.Select(r => r.Headers["webhook-id"]));
        Assert.InRange(reads.Count, 1, 3);
    }
}
