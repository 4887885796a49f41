using Herald.Abstractions.Webhooks;
using Herald.Grains.Storage;
using Herald.Tests.Infrastructure;
using Npgsql;

namespace Herald.Tests.Delivery;

/// <summary>
/// A resend or a recovery on a disabled endpoint queues its delivery as held; an enable that comes while that write is
/// under way must not overtake it, or the delivery stays held on an active endpoint (issue 10, defect 8). The test
/// holds the delivery's row lock so the requeue blocks in PostgreSQL, and offers the enable its chance meanwhile.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class RequeueRaceTests(ClusterFixture fixture)
{
    [Theory]
    [InlineData("resend")]
    [InlineData("recover")]
    public async Task A_requeue_raced_by_an_enable_never_leaves_the_delivery_held(string requeue)
    {
        await using var receiver = await Receiver.StartAsync();
        var failFirst = requeue == "recover";
        receiver.Behave = (n, _) => failFirst && n == 1 ? 410 : 200;
        var scenario = await ClusterScenario.StartAsync(fixture);
        var webhook = await scenario.WebhookAsync(receiver.Url(), ["*"]);
        var endpoint = scenario.Endpoint(webhook);
        var since = DateTimeOffset.UtcNow.AddMinutes(-1);
        var eventId = await scenario.PublishAsync("race.me");
        await scenario.StatusWhenAsync(eventId, webhook, failFirst ? DeliveryStatuses.Failed : DeliveryStatuses.Succeeded);
        var deliveryId = await fixture.Database.ScalarAsync<string>(
            "select delivery_id from herald_deliveries where endpoint_id = @endpoint", ("endpoint", webhook));
        await endpoint.DisableAsync();

        await using var dataSource = fixture.Database.CreateDataSource();
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var lockRow = new NpgsqlCommand("select 1 from herald_deliveries where delivery_id = @delivery for update", connection, transaction))
        {
            lockRow.Parameters.AddWithValue("delivery", deliveryId);
            await lockRow.ExecuteScalarAsync();
        }
        Task requeued = requeue == "resend" ? endpoint.ResendAsync(deliveryId) : endpoint.RecoverAsync(since);
        await Eventually.ReturnsAsync(fixture.Database.LockWaitersAsync, c => c >= 1,
            what: "the requeue waits for the row");
        var enabled = endpoint.EnableAsync();
        // The enable's chance to overtake the blocked requeue: before the fix it took it; now it waits its turn.
        await Task.WhenAny(enabled, Task.Delay(TimeSpan.FromSeconds(2)));
        await transaction.CommitAsync();
        await requeued;
        Assert.Equal(WebhookStatus.Active, (await enabled)!.Status);

        await scenario.StatusWhenAsync(eventId, webhook, DeliveryStatuses.Succeeded);
        Assert.Equal(2, receiver.Requests.Count(r => r.Headers["webhook-id"] == eventId));
    }
}
