using Herald.Abstractions.Ids;
using Herald.Grains.Storage;
using Herald.Tests.Infrastructure;

namespace Herald.Tests.Storage;

/// <summary>
/// An attempt recorded after its delivery was held (the endpoint was disabled while the attempt was in flight): a
/// retry keeps it held until the endpoint is enabled; an outcome that ends the delivery ends it.
/// </summary>
public sealed class HeldAttemptTests
{
    private static readonly DateTimeOffset AttemptedAt = new(2030, 1, 2, 3, 4, 5, TimeSpan.Zero);

    [Theory]
    [InlineData(DeliveryStatuses.Pending, DeliveryStatuses.Held)]
    [InlineData(DeliveryStatuses.Succeeded, DeliveryStatuses.Succeeded)]
    [InlineData(DeliveryStatuses.Failed, DeliveryStatuses.Failed)]
    public async Task An_attempt_recorded_on_a_held_delivery_keeps_it_held_only_if_it_asks_for_a_retry(string outcome, string expected)
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var dataSource = await database.MigratedDataSourceAsync();
        await using var writer = new AttemptWriter(dataSource);
        var delivery = HeraldId.New("dlv");
        var eventId = HeraldId.New("evt");
        await database.ExecuteAsync("""
            with e as (insert into herald_events (account_id, event_id, event_type, body, endpoint_count, created_at)
                       values ('acct_1', @event, 'x', '{}'::bytea, 1, now()))
            insert into herald_deliveries (delivery_id, endpoint_id, account_id, event_id, status, next_attempt_at)
            values (@delivery, 'ep_1', 'acct_1', @event, 'held', now())
            """, ("event", eventId), ("delivery", delivery));
        var retryAt = outcome == DeliveryStatuses.Pending ? AttemptedAt.AddMinutes(1) : (DateTimeOffset?)null;

        await writer.WriteAsync(new AttemptRecord(HeraldId.New("att"), delivery, "ep_1", eventId, "x", 1,
            outcome == DeliveryStatuses.Succeeded, 500, 10, null, null, AttemptedAt, retryAt, outcome));

        Assert.Equal($"{expected} 1", await database.ScalarAsync<string>(
            "select status || ' ' || attempts from herald_deliveries where delivery_id = @delivery", ("delivery", delivery)));
    }
}
