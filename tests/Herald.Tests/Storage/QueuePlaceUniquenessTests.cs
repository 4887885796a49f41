using System.Text;
using Herald.Abstractions.Events;
using Herald.Abstractions.Ids;
using Herald.Grains.Storage;
using Herald.Testing.Databases;
using Herald.Tests.Infrastructure;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Herald.Tests.Storage;

/// <summary>
/// Queue places (<c>herald_deliveries.seq</c>) on the real PostgreSQL: a recovery takes places of its own while
/// publishes run, the database refuses a second row in a place, and migration 0103 mends places the old recovery
/// shared.
/// </summary>
public sealed class QueuePlaceUniquenessTests
{
    private const string Endpoint = "ep_recover";
    private const int Failed = 5_000;
    private const int Rounds = 8;

    [Fact]
    public async Task Recovered_deliveries_take_places_of_their_own_in_their_order_while_publishes_run()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var dataSource = await database.MigratedDataSourceAsync();
        await database.ExecuteAsync("""
            insert into herald_deliveries (delivery_id, endpoint_id, account_id, event_id, status, next_attempt_at)
            select 'dlv_' || lpad(n::text, 5, '0'), @endpoint, 'acct_1', 'evt_' || n, 'failed', now()
            from generate_series(1, @count) n order by n
            """, ("endpoint", Endpoint), ("count", Failed));
        var places = await PlacesAsync(dataSource);
        await using var events = new EventStore(dataSource, Options.Create(new StorageOptions()));
        await using var attempts = new AttemptWriter(dataSource);
        var queue = new DeliveryQueue(dataSource, attempts);
        var recoveredPlaces = new HashSet<long>();
        using var stop = new CancellationTokenSource();
        // Each publish queues 100 deliveries: its insert takes 100 places one after another, as a wide fan-out does.
        var fanOut = Enumerable.Range(0, 100).Select(i => $"ep_publish_{i}").ToList();
        var publishers = Enumerable.Range(0, 4).Select(_ => PublishUntilAsync(events, fanOut, stop.Token)).ToList();

        try
        {
            for (var round = 0; round < Rounds; round++)
            {
                Assert.Equal(Failed, await queue.RecoverAsync(Endpoint, DateTimeOffset.UtcNow.AddHours(-1), null, DeliveryStatuses.Pending, DateTimeOffset.UtcNow));

                var recovered = await PlacesAsync(dataSource);
                Assert.Equal(places.Select(p => p.DeliveryId), recovered.Select(p => p.DeliveryId));
                Assert.True(recovered[0].Seq > places[^1].Seq, "recovered deliveries go to the tail");
                places = recovered;
                recoveredPlaces.UnionWith(recovered.Select(p => p.Seq));
                await using var fail = dataSource.Command("update herald_deliveries set status = 'failed' where endpoint_id = @endpoint", ("endpoint", Endpoint));
                await fail.ExecuteNonQueryAsync();
            }
        }
        finally
        {
            await stop.CancelAsync();
        }
        var published = (await Task.WhenAll(publishers)).Sum();

        // A recovered delivery moves on at the next round, so a place it shared with a publish is found among the
        // places every round handed out, not in the table as it is at the end.
        var publishedPlaces = await database.TextColumnAsync("select seq::text from herald_deliveries where endpoint_id <> @endpoint", ("endpoint", Endpoint));
        Assert.True(published > 0);
        Assert.Equal(Rounds * Failed, recoveredPlaces.Count);
        Assert.Equal([], publishedPlaces.Select(long.Parse).Where(recoveredPlaces.Contains).ToList());
        Assert.Equal(0L, await database.ScalarAsync<long>("select count(*) - count(distinct seq) from herald_deliveries"));
    }

    [Fact]
    public async Task A_second_delivery_in_a_taken_place_is_refused()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var dataSource = await database.MigratedDataSourceAsync();
        var seq = await database.ScalarAsync<long>("""
            insert into herald_deliveries (delivery_id, endpoint_id, account_id, event_id, next_attempt_at)
            values ('dlv_first', 'ep_1', 'acct_1', 'evt_1', now()) returning seq
            """);

        var refused = await Assert.ThrowsAsync<PostgresException>(() => database.ExecuteAsync("""
            insert into herald_deliveries (delivery_id, endpoint_id, account_id, event_id, seq, next_attempt_at)
            values ('dlv_second', 'ep_2', 'acct_1', 'evt_2', @seq, now())
            """, ("seq", seq)));

        Assert.Equal(PostgresErrorCodes.UniqueViolation, refused.SqlState);
        Assert.Equal("herald_deliveries_seq", refused.ConstraintName);
    }

    [Fact]
    public async Task Migration_0103_moves_shared_places_to_the_tail_keeping_each_endpoints_order()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var dataSource = await database.MigratedDataSourceAsync();
        // The table as the old recovery could leave it: ep_a's a2 and a3 share a place, ep_b's b1 shares one with
        // ep_a's a4, and the sequence was set back below places in use.
        await database.ExecuteAsync("""
            drop index herald_deliveries_seq;
            create index herald_deliveries_due on herald_deliveries (next_attempt_at) where status = 'pending' and next_attempt_at is not null;
            insert into herald_deliveries (delivery_id, endpoint_id, account_id, event_id, status, seq, next_attempt_at, created_at)
            values ('a1', 'ep_a', 'acct_1', 'e', 'succeeded', 10, now(), now() - interval '9 s'),
                   ('a2', 'ep_a', 'acct_1', 'e', 'pending', 11, now(), now() - interval '8 s'),
                   ('a3', 'ep_a', 'acct_1', 'e', 'pending', 11, now(), now() - interval '7 s'),
                   ('a4', 'ep_a', 'acct_1', 'e', 'pending', 12, now(), now() - interval '6 s'),
                   ('a5', 'ep_a', 'acct_1', 'e', 'pending', 13, now(), now() - interval '5 s'),
                   ('b1', 'ep_b', 'acct_1', 'e', 'pending', 12, now(), now()),
                   ('b2', 'ep_b', 'acct_1', 'e', 'pending', 20, now(), now()),
                   ('c1', 'ep_c', 'acct_1', 'e', 'pending', 5, now(), now()),
                   ('c2', 'ep_c', 'acct_1', 'e', 'pending', 6, now(), now());
            select setval(pg_get_serial_sequence('herald_deliveries', 'seq'), 12);
            """);
        var migration = Migration.LoadEmbedded().Single(m => m.Version == 103);

        await using (var connection = await dataSource.OpenConnectionAsync())
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await using var command = new NpgsqlCommand(migration.Sql, connection, transaction);
            await command.ExecuteNonQueryAsync();
            await transaction.CommitAsync();
        }

        Assert.Equal(0L, await database.ScalarAsync<long>("select count(*) - count(distinct seq) from herald_deliveries"));
        Assert.Equal(["a1 10", "a2 moved", "a3 moved", "a4 moved", "a5 moved", "b1 moved", "b2 moved", "c1 5", "c2 6"],
            await database.TextColumnAsync("""
                select delivery_id || ' ' || case when seq > 20 then 'moved' else seq::text end
                from herald_deliveries order by endpoint_id, seq
                """));
        var next = await database.ScalarAsync<long>("""
            insert into herald_deliveries (delivery_id, endpoint_id, account_id, event_id, next_attempt_at)
            values ('d1', 'ep_d', 'acct_1', 'e', now()) returning seq
            """);
        Assert.True(next > await database.ScalarAsync<long>("select max(seq) from herald_deliveries where delivery_id <> 'd1'"));
    }

    /// <summary>The recovered endpoint's deliveries in queue order.</summary>
    private static async Task<List<(string DeliveryId, long Seq)>> PlacesAsync(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.Command(
            "select delivery_id, seq from herald_deliveries where endpoint_id = @endpoint order by seq", ("endpoint", Endpoint));
        await using var reader = await command.ExecuteReaderAsync();
        var places = new List<(string, long)>();
        while (await reader.ReadAsync())
        {
            places.Add((reader.GetString(0), reader.GetInt64(1)));
        }
        return places;
    }

    /// <summary>Publishes one event after another to <paramref name="endpointIds"/> until stopped (or 500); returns how many.</summary>
    private static async Task<int> PublishUntilAsync(EventStore events, IReadOnlyList<string> endpointIds, CancellationToken stop)
    {
        var count = 0;
        var places = new EndpointPlaces();
        while (!stop.IsCancellationRequested && count < 500)
        {
            var id = HeraldId.New("evt");
            await events.AppendAsync("acct_1", new PublishCommand(id, "place.tick", null, Encoding.UTF8.GetBytes("{}"), DateTimeOffset.UtcNow), endpointIds, new HashSet<string>(), places);
            count++;
        }
        return count;
    }
}
