using System.Text;
using Herald.Abstractions.Events;
using Herald.Abstractions.Ids;
using Herald.Grains.Storage;
using Herald.Tests.Infrastructure;
using Npgsql;

namespace Herald.Tests.Delivery;

/// <summary>
/// While a webhook is disabled, its account queues the deliveries of new publishes held at once, rather than pending
/// for the endpoint to hold with a second write; an enable must still find every one of them.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class HeldAtPublishTests(ClusterFixture fixture)
{
    [Fact]
    public async Task A_publish_to_a_disabled_webhook_is_queued_held_by_the_time_it_is_accepted_and_enable_delivers_it()
    {
        await using var receiver = await Receiver.StartAsync();
        var scenario = await ClusterScenario.StartAsync(fixture);
        var paused = await scenario.WebhookAsync(receiver.Url(), ["*"]);
        await scenario.Endpoint(paused).DisableAsync();

        var eventId = await scenario.PublishAsync("server.created");

        // Written held by the publish's own transaction (the event's), not held later by the endpoint's update.
        var row = await fixture.Database.ScalarAsync<string>("""
            select d.status || ', written with its event: ' || (d.xmin = e.xmin)
            from herald_deliveries d join herald_events e using (account_id, event_id)
            where d.event_id = @event and d.endpoint_id = @endpoint
            """, ("event", eventId), ("endpoint", paused));
        Assert.Equal($"{DeliveryStatuses.Held}, written with its event: true", row);
        Assert.Empty(receiver.Requests);

        await scenario.Endpoint(paused).EnableAsync();
        await scenario.StatusWhenAsync(eventId, paused, DeliveryStatuses.Succeeded);
        Assert.Equal([eventId], receiver.Requests.Select(r => r.Headers["webhook-id"]));
    }

    [Fact]
    public async Task The_account_stops_holding_only_once_a_publish_queuing_held_has_committed_and_enable_delivers_it_first()
    {
        await using var receiver = await Receiver.StartAsync();
        var scenario = await ClusterScenario.StartAsync(fixture);
        var webhook = await scenario.WebhookAsync(receiver.Url(), ["*"]);
        var endpoint = scenario.Endpoint(webhook);
        await endpoint.DisableAsync(); // tells the account to hold

        // A row of the same event id, uncommitted: the publish's insert waits for this transaction in PostgreSQL.
        var raced = HeraldId.New("evt");
        await using var dataSource = fixture.Database.CreateDataSource();
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var blocker = await connection.BeginTransactionAsync();
        await using (var insert = new NpgsqlCommand("""
            insert into herald_events (account_id, event_id, event_type, body, endpoint_count, created_at)
            values (@account, @event, 'blocker', '\x7b7d', 0, now())
            """, connection, blocker))
        {
            insert.Parameters.AddWithValue("account", scenario.AccountId);
            insert.Parameters.AddWithValue("event", raced);
            await insert.ExecuteNonQueryAsync();
        }
        var published = scenario.Account.PublishAsync(new PublishCommand(raced, "race.held", null, Encoding.UTF8.GetBytes("{}"), DateTimeOffset.UtcNow));
        await Eventually.ReturnsAsync(fixture.Database.LockWaitersAsync, c => c >= 1,
            what: "the publish waits for the blocking row");

        // What an enable asks first. Its chance to answer before the held delivery exists: it must wait for the publish.
        var released = scenario.Account.ReleaseDeliveriesAsync(webhook);
        await Task.WhenAny(released, Task.Delay(TimeSpan.FromSeconds(2)));
        var answeredEarly = released.IsCompleted;
        await blocker.RollbackAsync();
        await released;
        var statusAtRelease = await scenario.DeliveryStatusAsync(raced, webhook);
        Assert.False(answeredEarly, "the account stopped holding while a publish that queues held was under way");
        Assert.Equal(DeliveryStatuses.Held, statusAtRelease);

        await endpoint.EnableAsync();
        await published;
        var next = await scenario.PublishAsync("race.next");
        await scenario.StatusWhenAsync(next, webhook, DeliveryStatuses.Succeeded);
        Assert.Equal([raced, next], receiver.Requests.Select(r => r.Headers["webhook-id"]));
    }

    [Fact]
    public async Task An_active_webhook_whose_account_holds_its_deliveries_by_mistake_releases_them_and_the_account_stops()
    {
        await using var receiver = await Receiver.StartAsync();
        var scenario = await ClusterScenario.StartAsync(fixture);
        var webhook = await scenario.WebhookAsync(receiver.Url(), ["*"]);
        // A hold that reaches the account after the endpoint is active again (e.g. a call that timed out and arrived late).
        await scenario.Account.HoldDeliveriesAsync(webhook);

        var first = await scenario.PublishAsync("stray.first");
        var second = await scenario.PublishAsync("stray.second");

        await scenario.StatusWhenAsync(second, webhook, DeliveryStatuses.Succeeded);
        Assert.Equal(DeliveryStatuses.Succeeded, await scenario.DeliveryStatusAsync(first, webhook));
        Assert.Equal([first, second], receiver.Requests.Select(r => r.Headers["webhook-id"]));
        var third = await scenario.PublishAsync("stray.third");
        Assert.NotEqual(DeliveryStatuses.Held, await scenario.DeliveryStatusAsync(third, webhook));
    }
}
