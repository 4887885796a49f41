using System.Text.Json;
using Herald.Grains.Storage;
using Herald.Testing.Databases;
using Herald.Tests.Infrastructure;
using Npgsql;

namespace Herald.Tests.Storage;

/// <summary>
/// The recovery sweep's worklist (<see cref="DeliveryQueue.FindOverdueEndpointsAsync"/>) on the real PostgreSQL: per
/// endpoint, so a long backlog hides nobody, paged, and at a cost that does not grow with the backlog.
/// </summary>
public sealed class OverdueEndpointScanTests
{
    private static readonly DateTimeOffset Now = new(2030, 1, 2, 3, 4, 5, TimeSpan.Zero);

    [Fact]
    public async Task A_blocked_backlog_of_ten_thousand_rows_does_not_hide_another_endpoints_lost_wake_up()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var dataSource = await database.MigratedDataSourceAsync();
        // A strict queue blocked at its head (retrying in an hour) with 10,000 overdue rows behind it, older than the
        // one overdue row of another endpoint whose wake-up was lost.
        await QueueAsync(database, "ep_blocked", 1, Now.AddHours(1));
        await QueueAsync(database, "ep_blocked", 10_000, Now.AddMinutes(-30));
        await QueueAsync(database, "ep_lost", 1, Now.AddMinutes(-2));
        await using var writer = new AttemptWriter(dataSource);

        var overdue = await new DeliveryQueue(dataSource, writer).FindOverdueEndpointsAsync(Now.AddSeconds(-30), "", 500);

        Assert.Equal(["ep_blocked", "ep_lost"], overdue);
    }

    [Fact]
    public async Task Pages_after_a_cursor_reach_every_overdue_endpoint_and_only_those()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var dataSource = await database.MigratedDataSourceAsync();
        var overdueIds = Enumerable.Range(0, 25).Select(i => $"ep_{i:D2}_late").ToList();
        foreach (var id in overdueIds)
        {
            await QueueAsync(database, id, 3, Now.AddMinutes(-5));
            await QueueAsync(database, id, 1, Now.AddMinutes(5));
        }
        foreach (var i in new[] { 3, 11, 19 })
        {
            await QueueAsync(database, $"ep_{i:D2}_later", 2, Now.AddMinutes(5));
        }
        await using var writer = new AttemptWriter(dataSource);
        var queue = new DeliveryQueue(dataSource, writer);

        var pages = new List<IReadOnlyList<string>>();
        var cursor = "";
        do
        {
            pages.Add(await queue.FindOverdueEndpointsAsync(Now, cursor, 10));
            cursor = pages[^1].Count == 10 ? pages[^1][^1] : "";
        }
        while (cursor != "" && pages.Count < 10);

        Assert.Equal([10, 10, 5], pages.Select(p => p.Count));
        Assert.Equal(overdueIds, pages.SelectMany(p => p));
    }

    [Fact]
    public async Task The_scan_reads_a_few_index_entries_per_endpoint_whatever_the_backlog()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var dataSource = await database.MigratedDataSourceAsync();
        await QueueAsync(database, "ep_a", 3, Now.AddMinutes(-5));
        await QueueAsync(database, "ep_blocked", 10_000, Now.AddMinutes(-30));
        await QueueAsync(database, "ep_c", 2, Now.AddMinutes(5));
        await QueueAsync(database, "ep_d", 1, Now.AddMinutes(-1));
        await database.ExecuteAsync("analyze herald_deliveries");

        var plan = await ExplainAsync(dataSource, Now);

        // Four endpoints: a handful of rows and pages each. Reading the backlog would cost 10,000 rows and hundreds of pages.
        Assert.Equal(3, plan.RowsOut);
        Assert.InRange(plan.RowsHandled, 3, 40);
        Assert.InRange(plan.Pages, 1, 40);
    }

    private static async Task<(long RowsOut, long RowsHandled, long Pages)> ExplainAsync(NpgsqlDataSource dataSource, DateTimeOffset due)
    {
        await using var command = dataSource.Command("explain (analyze, buffers, format json) " + OverdueEndpointScan.Sql,
            ("due", due), ("after", ""), ("limit", 500));
        using var json = JsonDocument.Parse((string)(await command.ExecuteScalarAsync())!);
        var top = json.RootElement[0].GetProperty("Plan");
        return ((long)top.GetProperty("Actual Rows").GetDouble(), RowsHandled(top),
            top.GetProperty("Shared Hit Blocks").GetInt64() + top.GetProperty("Shared Read Blocks").GetInt64());
    }

    /// <summary>Rows every node of the plan produced or filtered out, over all its loops.</summary>
    private static long RowsHandled(JsonElement node)
    {
        var loops = node.GetProperty("Actual Loops").GetDouble();
        var rows = node.GetProperty("Actual Rows").GetDouble() * loops;
        foreach (var removed in new[] { "Rows Removed by Filter", "Rows Removed by Index Recheck" })
        {
            rows += node.TryGetProperty(removed, out var value) ? value.GetDouble() * loops : 0;
        }
        var children = node.TryGetProperty("Plans", out var plans) ? plans.EnumerateArray().Sum(RowsHandled) : 0;
        return (long)rows + children;
    }

    private static Task QueueAsync(TestDatabase database, string endpointId, int count, DateTimeOffset due) =>
        database.ExecuteAsync("""
            insert into herald_deliveries (delivery_id, endpoint_id, account_id, event_id, next_attempt_at)
            select 'dlv_' || @endpoint || '_' || gen_random_uuid(), @endpoint, 'acct_1', 'evt_' || n, @due
            from generate_series(1, @count) n
            """, ("endpoint", endpointId), ("count", count), ("due", due));
}
