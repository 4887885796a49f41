using Herald.Abstractions.Ids;
using Herald.Grains.Storage;
using Herald.Tests.Infrastructure;
using Npgsql;

namespace Herald.Tests.Storage;

/// <summary><see cref="DeliveryQueue.RecordTestAsync"/> on the real PostgreSQL: its three rows, all or none.</summary>
public sealed class TestSendStorageTests
{
    private static readonly DateTimeOffset AttemptedAt = new(2030, 1, 2, 3, 4, 5, TimeSpan.Zero);

    [Fact]
    public async Task A_test_send_stores_its_event_its_finished_delivery_and_its_attempt()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var dataSource = await database.MigratedDataSourceAsync();
        await using var writer = new AttemptWriter(dataSource);
        var attempt = TestAttempt(HeraldId.New("att"), succeeded: false);

        await new DeliveryQueue(dataSource, writer).RecordTestAsync("acct_1", [1, 2, 3], attempt);

        var key = ("event", (object)attempt.EventId);
        Assert.Equal("webhook.test 1 010203 null t", await database.ScalarAsync<string>("""
            select concat_ws(' ', event_type, endpoint_count, encode(body, 'hex'), coalesce(source, 'null'), created_at = @at)
            from herald_events where account_id = 'acct_1' and event_id = @event
            """, key, ("at", AttemptedAt)));
        Assert.Equal("failed 1 0 t t t", await database.ScalarAsync<string>("""
            select concat_ws(' ', status, attempts, budget_start, next_attempt_at = @at, created_at = @at, updated_at = @at)
            from herald_deliveries where event_id = @event and endpoint_id = 'ep_1' and account_id = 'acct_1'
            """, key, ("at", AttemptedAt)));
        Assert.Equal("1 f 502 41 boom excerpt t null", await database.ScalarAsync<string>("""
            select concat_ws(' ', attempt, succeeded, status_code, latency_ms, error, response_excerpt, attempted_at = @at,
                             coalesce(next_attempt_at::text, 'null'))
            from herald_attempts where delivery_id = @delivery and event_type = 'webhook.test'
            """, ("delivery", attempt.DeliveryId), ("at", AttemptedAt)));
    }

    [Fact]
    public async Task A_test_send_whose_attempt_cannot_be_stored_leaves_no_event_and_no_delivery()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var dataSource = await database.MigratedDataSourceAsync();
        await using var writer = new AttemptWriter(dataSource);
        var queue = new DeliveryQueue(dataSource, writer);
        await queue.RecordTestAsync("acct_1", [1], TestAttempt(HeraldId.New("att"), succeeded: true));

        // A failure reason the outbox's check constraint refuses: the third statement fails. (A repeated attempt id no
        // longer does: the attempt statement is idempotent, so a record whose write failed can be submitted again.)
        var refused = TestAttempt(HeraldId.New("att"), succeeded: false) with { FailureReason = "not_a_reason" };
        await Assert.ThrowsAsync<PostgresException>(() => queue.RecordTestAsync("acct_1", [2], refused));

        Assert.Equal(0L, await database.ScalarAsync<long>("select count(*) from herald_events where event_id = @event", ("event", refused.EventId)));
        Assert.Equal(0L, await database.ScalarAsync<long>("select count(*) from herald_deliveries where delivery_id = @delivery", ("delivery", refused.DeliveryId)));
        Assert.Equal(1L, await database.ScalarAsync<long>("select count(*) from herald_events"));
        Assert.Equal(1L, await database.ScalarAsync<long>("select count(*) from herald_deliveries"));
    }

    private static AttemptRecord TestAttempt(string attemptId, bool succeeded) => new(
        attemptId, HeraldId.New("dlv"), "ep_1", HeraldId.New("evt"), "webhook.test", 1, succeeded, 502, 41, "boom", "excerpt",
        AttemptedAt, null, succeeded ? DeliveryStatuses.Succeeded : DeliveryStatuses.Failed);
}
