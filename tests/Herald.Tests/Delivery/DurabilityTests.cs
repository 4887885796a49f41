using Herald.Grains.Recovery;
using Herald.Grains.Storage;
using Herald.Testing.Databases;
using Herald.Tests.Infrastructure;

namespace Herald.Tests.Delivery;

[Collection(ClusterCollection.Name)]
public sealed class DurabilityTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Concurrent_publishes_are_all_committed_and_delivered_in_queue_order()
    {
        await using var receiver = await Receiver.StartAsync();
        var scenario = await ClusterScenario.StartAsync(fixture);
        var webhook = await scenario.WebhookAsync(receiver.Url(), ["*"]);

        var ids = await Task.WhenAll(Enumerable.Range(0, 300).Select(i => scenario.PublishAsync("load.tick", new { i })));

        Assert.Equal(300L, await fixture.Database.ScalarAsync<long>(
            "select count(*) from herald_deliveries where endpoint_id = @endpoint", ("endpoint", webhook)));
        var requests = await Eventually.ReturnsAsync(() => receiver.Requests, r => r.Count == 300, TimeSpan.FromSeconds(60), "all delivered");
        var queueOrder = await fixture.Database.TextColumnAsync("select event_id from herald_deliveries where endpoint_id = @endpoint order by seq", ("endpoint", webhook));
        Assert.Equal(queueOrder, requests.Select(r => r.Headers["webhook-id"]));
        Assert.Equal(ids.Order(), queueOrder.Order());
    }

    [Fact]
    public async Task The_sweep_delivers_work_that_was_committed_but_never_announced()
    {
        await using var receiver = await Receiver.StartAsync();
        var scenario = await ClusterScenario.StartAsync(fixture);
        var webhook = await scenario.WebhookAsync(receiver.Url(), ["*"]);
        // As if the process died between the commit and the wake-up call: the rows exist, nobody was told.
        await fixture.Database.ScalarAsync<int>("""
            with e as (insert into herald_events (account_id, event_id, event_type, body, endpoint_count, created_at)
                       values (@account, 'evt_orphan', 'server.created', '{}'::bytea, 1, now() - interval '2 minutes'))
            insert into herald_deliveries (delivery_id, endpoint_id, account_id, event_id, next_attempt_at)
            values ('dlv_orphan_' || @endpoint, @endpoint, @account, 'evt_orphan', now() - interval '2 minutes') returning 1
            """, ("account", scenario.AccountId), ("endpoint", webhook));

        var woken = await fixture.Cluster.GrainFactory.GetGrain<IDeliverySweeperGrain>(IDeliverySweeperGrain.Key).SweepAsync();

        Assert.True(woken >= 1);
        await scenario.StatusWhenAsync("evt_orphan", webhook, DeliveryStatuses.Succeeded);
    }

    [Fact]
    public async Task The_sweep_finds_a_lost_wake_up_beside_a_blocked_backlog_of_ten_thousand_deliveries()
    {
        await using var receiver = await Receiver.StartAsync();
        var scenario = await ClusterScenario.StartAsync(fixture);
        var blocked = await scenario.WebhookAsync(receiver.Url(), ["*"]);
        var lost = await scenario.WebhookAsync(receiver.Url(), ["*"]);
        // A strict queue whose head retries in an hour, with 10,000 overdue deliveries behind it (older than anything
        // else overdue), and another endpoint's delivery whose wake-up was lost.
        await fixture.Database.ExecuteAsync("""
            with e as (insert into herald_events (account_id, event_id, event_type, body, endpoint_count, created_at)
                       values (@account, 'evt_backlog', 'server.created', '{}'::bytea, 10001, now() - interval '1 hour'))
            insert into herald_deliveries (delivery_id, endpoint_id, account_id, event_id, attempts, next_attempt_at)
            select 'dlv_backlog_' || n || '_' || @endpoint, @endpoint, @account, 'evt_backlog',
                   case when n = 0 then 1 else 0 end, now() + case when n = 0 then interval '1 hour' else interval '-1 hour' end
            from generate_series(0, 10000) n order by n
            """, ("account", scenario.AccountId), ("endpoint", blocked));
        await fixture.Database.ExecuteAsync("""
            with e as (insert into herald_events (account_id, event_id, event_type, body, endpoint_count, created_at)
                       values (@account, 'evt_lost', 'server.created', '{}'::bytea, 1, now() - interval '2 minutes'))
            insert into herald_deliveries (delivery_id, endpoint_id, account_id, event_id, next_attempt_at)
            values ('dlv_lost_' || @endpoint, @endpoint, @account, 'evt_lost', now() - interval '2 minutes')
            """, ("account", scenario.AccountId), ("endpoint", lost));
        try
        {
            await fixture.Cluster.GrainFactory.GetGrain<IDeliverySweeperGrain>(IDeliverySweeperGrain.Key).SweepAsync();

            await scenario.StatusWhenAsync("evt_lost", lost, DeliveryStatuses.Succeeded);
            Assert.All(receiver.Requests, r => Assert.Equal("evt_lost", r.Headers["webhook-id"]));
        }
        finally
        {
            // Other tests of this cluster sweep too: leave no backlog behind.
            await fixture.Database.ExecuteAsync("delete from herald_deliveries where endpoint_id = @endpoint", ("endpoint", blocked));
        }
    }

    [Fact]
    public async Task Retrying_a_hundred_messages_costs_a_constant_number_of_reminder_writes()
    {
        await using var receiver = await Receiver.StartAsync();
        var seen = new HashSet<string>();
        receiver.Behave = (_, r) =>
        {
            lock (seen)
            {
                return seen.Add(r.Headers["webhook-id"]) ? 500 : 200; // every message fails once, then succeeds
            }
        };
        var scenario = await ClusterScenario.StartAsync(fixture);
        var webhook = await scenario.WebhookAsync(receiver.Url(), ["*"], ClusterScenario.Schedule(0.02));
        await fixture.Database.ExecuteAsync(ReminderTable.CountWritesSql);

        var ids = await Task.WhenAll(Enumerable.Range(0, 100).Select(i => scenario.PublishAsync("retry.me", new { i })));

        await Eventually.ReturnsAsync(() => receiver.Requests, r => r.Count == 200, TimeSpan.FromSeconds(60), "100 messages, each retried once");
        await Eventually.ReturnsAsync(() => fixture.Database.ScalarAsync<long>(ReminderTable.CountForKeySql, ("key", webhook)), c => c == 0,
            what: "reminder removed once the queue is empty");
        var writes = await fixture.Database.ScalarAsync<long>(ReminderTable.WritesForKeySql, ("key", webhook));
        Assert.InRange(writes, 2, 4);
    }

    [Fact]
    public async Task Retention_purges_events_deliveries_and_attempts_older_than_the_period()
    {
        var scenario = await ClusterScenario.StartAsync(fixture);
        await fixture.Database.ScalarAsync<int>("""
            with old as (insert into herald_events (account_id, event_id, event_type, body, endpoint_count, created_at)
                         values (@account, 'evt_old', 'x', '{}'::bytea, 1, now() - interval '40 days'),
                                (@account, 'evt_new', 'x', '{}'::bytea, 1, now() - interval '1 day')),
                 d as (insert into herald_deliveries (delivery_id, endpoint_id, account_id, event_id, status, next_attempt_at, created_at)
                       values ('dlv_old_' || @account, 'wh_x', @account, 'evt_old', 'succeeded', now(), now() - interval '40 days'),
                              ('dlv_new_' || @account, 'wh_x', @account, 'evt_new', 'succeeded', now(), now() - interval '1 day'))
            insert into herald_attempts (attempt_id, delivery_id, endpoint_id, event_id, event_type, attempt, succeeded, latency_ms, attempted_at)
            values ('att_old_' || @account, 'dlv_old_' || @account, 'wh_x', 'evt_old', 'x', 1, true, 1, now() - interval '40 days'),
                   ('att_new_' || @account, 'dlv_new_' || @account, 'wh_x', 'evt_new', 'x', 1, true, 1, now() - interval '1 day')
            returning 1
            """, ("account", scenario.AccountId));

        await fixture.Cluster.GrainFactory.GetGrain<IDeliverySweeperGrain>(IDeliverySweeperGrain.Key).PurgeAsync();

        foreach (var table in new[] { "herald_events", "herald_deliveries" })
        {
            Assert.Equal(["evt_new"], await fixture.Database.TextColumnAsync($"select event_id from {table} where account_id = @account", ("account", scenario.AccountId)));
        }
        Assert.Equal(1L, await fixture.Database.ScalarAsync<long>(
            "select count(*) from herald_attempts where attempt_id in ('att_old_' || @account, 'att_new_' || @account)", ("account", scenario.AccountId)));
    }
}
