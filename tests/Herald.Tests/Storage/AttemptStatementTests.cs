using Herald.Abstractions.Ids;
using Herald.Grains.Storage;
using Herald.Tests.Infrastructure;

namespace Herald.Tests.Storage;

/// <summary>
/// The attempt statement writes the failure outbox part only for a batch that has consequences; a batch decides by
/// every attempt in it, so a failure anywhere in a batch of successes still writes its outbox row.
/// </summary>
public sealed class AttemptStatementTests
{
    private static readonly DateTimeOffset AttemptedAt = new(2030, 1, 2, 3, 4, 5, TimeSpan.Zero);

    [Fact]
    public async Task A_failure_behind_successes_in_one_batch_writes_its_outbox_row()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var dataSource = await database.MigratedDataSourceAsync();
        var deliveries = await QueueAsync(database, 3);
        var batch = new[]
        {
            Success(deliveries[0]),
            Success(deliveries[1]),
            Success(deliveries[2]) with { Succeeded = false, StatusCode = 410, DeliveryStatus = DeliveryStatuses.Failed, FailureReason = FailureReasons.Permanent },
        };

        await using (var command = AttemptStatement.Command(dataSource, batch))
        {
            await command.ExecuteNonQueryAsync();
        }

        Assert.Equal("succeeded succeeded failed", await StatusesAsync(database, deliveries));
        Assert.Equal(3L, await database.ScalarAsync<long>("select count(*) from herald_attempts"));
        Assert.Equal($"{batch[2].AttemptId} {OutboxKinds.Failed} {FailureReasons.Permanent}", await database.ScalarAsync<string>(
            "select string_agg(attempt_id || ' ' || kind || ' ' || reason, ', ') from herald_failure_outbox"));
    }

    [Fact]
    public async Task A_batch_of_successes_logs_and_moves_every_delivery_and_writes_no_outbox_row()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var dataSource = await database.MigratedDataSourceAsync();
        var deliveries = await QueueAsync(database, 2);

        await using (var command = AttemptStatement.Command(dataSource, deliveries.Select(Success).ToList()))
        {
            await command.ExecuteNonQueryAsync();
        }

        Assert.Equal("succeeded succeeded", await StatusesAsync(database, deliveries));
        Assert.Equal(2L, await database.ScalarAsync<long>("select count(*) from herald_attempts where succeeded and request_headers is not null"));
        Assert.Equal(0L, await database.ScalarAsync<long>("select count(*) from herald_failure_outbox"));
    }

    private static async Task<string[]> QueueAsync(TestDatabase database, int count)
    {
        var deliveries = Enumerable.Range(0, count).Select(_ => HeraldId.New("dlv")).ToArray();
        foreach (var delivery in deliveries)
        {
            await database.ExecuteAsync("""
                with e as (insert into herald_events (account_id, event_id, event_type, body, endpoint_count, created_at)
                           values ('acct_1', @delivery, 'x', '{}'::bytea, 1, now()))
                insert into herald_deliveries (delivery_id, endpoint_id, account_id, event_id, next_attempt_at)
                values (@delivery, 'ep_1', 'acct_1', @delivery, now())
                """, ("delivery", delivery));
        }
        return deliveries;
    }

    private static AttemptRecord Success(string delivery) =>
        new(HeraldId.New("att"), delivery, "ep_1", delivery, "x", 1, true, 200, 10, null, null, AttemptedAt, null, DeliveryStatuses.Succeeded)
        {
            RequestHeaders = """{"webhook-id":"msg_1"}""",
        };

    private static Task<string> StatusesAsync(TestDatabase database, string[] deliveries) =>
        database.ScalarAsync<string>("""
            select string_agg(d.status, ' ' order by k.n)
            from unnest(@deliveries) with ordinality as k(delivery_id, n) join herald_deliveries d using (delivery_id)
            """, ("deliveries", deliveries));
}
