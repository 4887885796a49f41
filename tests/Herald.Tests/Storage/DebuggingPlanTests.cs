using Herald.Grains.Storage;
using Herald.Tests.Infrastructure;
using Npgsql;

namespace Herald.Tests.Storage;

/// <summary>
/// The debugging reads walk the indexes of migration 0200 on a history of realistic shape (two accounts, many
/// webhooks, two days of attempts): each list EXPLAINs to the scan of its index, and the stats count reads the index alone.
/// </summary>
public sealed class DebuggingPlanTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private NpgsqlDataSource _dataSource = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _dataSource = await _database.MigratedDataSourceAsync();
        await _database.ExecuteAsync("""
            insert into herald_events (account_id, event_id, event_type, source, body, endpoint_count, created_at)
            select case when i % 2 = 0 then 'acc_a' else 'acc_b' end, 'evt_' || i,
                   case when i % 1000 = 0 then 'rare.' || (i % 3) else 'type' || (i % 40) || '.happened' end, 'node-' || (i % 7),
                   '{}'::bytea, 1, now() - i * interval '1 second'
            from generate_series(1, 40000) i;
            insert into herald_deliveries (delivery_id, endpoint_id, account_id, event_id, status, next_attempt_at, created_at)
            select 'dlv_' || i, 'wh_' || (i % 200), 'acc_a', 'evt_' || i, case when i % 10 = 0 then 'failed' else 'succeeded' end,
                   now(), now() - i * interval '1 second'
            from generate_series(1, 40000) i;
            insert into herald_attempts (attempt_id, delivery_id, endpoint_id, event_id, event_type, attempt, succeeded, latency_ms, attempted_at)
            select 'att_' || i, 'dlv_' || i, 'wh_' || (i % 200), 'evt_' || i, 'type' || (i % 40) || '.happened', 1, i % 10 <> 0, 5,
                   now() - i * interval '4 seconds'
            from generate_series(1, 40000) i;
            """);
        await _database.ExecuteAsync("vacuum analyze herald_events, herald_deliveries, herald_attempts");
    }

    private async Task<string> PlanAsync(NpgsqlCommand command)
    {
        await using (command)
        {
            await using var explain = _dataSource.CreateCommand("explain " + command.CommandText);
            foreach (NpgsqlParameter parameter in command.Parameters)
            {
                explain.Parameters.Add(parameter.Clone());
            }
            var lines = new List<string>();
            await using var reader = await explain.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                lines.Add(reader.GetString(0));
            }
            return string.Join('\n', lines);
        }
    }

    // A prefix that matches many of the account's events is as well served walking its events by time (the planner
    // decides on its statistics); a rare one reads its range of the type index.
    [Theory]
    [InlineData(null, "herald_events_account_created")]
    [InlineData("type3.happened", "herald_events_account_type")]
    [InlineData("rare.*", "herald_events_account_type")]
    public async Task The_event_search_walks_an_index_of_the_account(string? type, string index)
    {
        var plan = await PlanAsync(new EventSearch(_dataSource).Command(new EventQuery("acc_a", type, null, null, null, 50, null)));

        Assert.True((plan.Contains($"using {index} ", StringComparison.Ordinal) || plan.Contains($"on {index} ", StringComparison.Ordinal))
            && !plan.Contains("Seq Scan", StringComparison.Ordinal), plan);
    }

    [Fact]
    public async Task The_delivery_list_walks_the_webhooks_deliveries_newest_first()
    {
        var cursor = new KeysetCursor(DateTimeOffset.UtcNow.AddHours(-1), "dlv_1");
        var plan = await PlanAsync(new DeliveryLog(_dataSource, new AttemptLog(_dataSource))
            .Command(new LogQuery("wh_7", null, null, null, null, null, 50, cursor)));

        Assert.True(plan.Contains("using herald_deliveries_endpoint", StringComparison.Ordinal) && !plan.Contains("Seq Scan", StringComparison.Ordinal), plan);
    }

    [Fact]
    public async Task The_attempt_list_walks_the_webhooks_attempts_newest_first()
    {
        var plan = await PlanAsync(new AttemptLog(_dataSource)
            .Command(new LogQuery("wh_7", null, null, null, DateTimeOffset.UtcNow.AddDays(-1), null, 50, null)));

        Assert.True(plan.Contains("using herald_attempts_endpoint_time", StringComparison.Ordinal) && !plan.Contains("Seq Scan", StringComparison.Ordinal), plan);
    }

    [Fact]
    public async Task The_stats_count_a_day_of_attempts_from_the_index_alone()
    {
        var command = _dataSource.CreateCommand(WebhookStatsReader.CountsSql);
        command.Parameters.AddWithValue("endpoint", "wh_7");
        command.Parameters.AddWithValue("hour", DateTimeOffset.UtcNow.AddHours(-1));
        command.Parameters.AddWithValue("day", DateTimeOffset.UtcNow.AddDays(-1));

        var plan = await PlanAsync(command);

        Assert.True(plan.Contains("Index Only Scan using herald_attempts_endpoint_time", StringComparison.Ordinal), plan);
    }

    public async Task DisposeAsync()
    {
        await _dataSource.DisposeAsync();
        await _database.DisposeAsync();
    }
}
