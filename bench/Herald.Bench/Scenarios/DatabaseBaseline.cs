using System.Diagnostics;
using Herald.Bench.Infrastructure;
using Herald.Bench.Report;
using Npgsql;

namespace Herald.Bench.Scenarios;

/// <summary>
/// The database limit: the rows Herald writes, written straight to PostgreSQL in batches with
/// <c>insert … select unnest(…)</c>, into copies of Herald's tables (same columns, indexes and defaults).
/// </summary>
public static class DatabaseBaseline
{
    private const int Batch = 512;
    private const int Writers = 4;
    private const int SingleCommitConnections = 16;

    public static async Task RunAsync(BenchContext context, int run, int rows)
    {
        var database = context.Database;
        await BenchTables.ResetAsync(database);
        var now = DateTimeOffset.UtcNow;
        var ids = Enumerable.Range(0, rows).Select(i => $"db{run}-{i:D7}").ToArray();

        // 1. Ingest: an event row and its delivery row per event, a transaction per batch.
        var ingest = await TimeAsync(database, ids.Chunk(Batch), Writers, async (connection, chunk) =>
        {
            await using var transaction = await connection.BeginTransactionAsync();
            await BenchTables.InsertEventsAsync(connection, transaction,
                [.. chunk.Select((id, i) => new EventRow(id, "bench.db", Payloads.Envelope("bench.db", id, i, now)))], now);
            await transaction.CommitAsync();
        });
        context.Results.AddLimit(Limit.DatabaseIngest, rows / ingest.TotalSeconds);

        // 2. Delivery: an attempt row and the delivery's update per delivery, one statement per batch.
        var delivery = await TimeAsync(database, ids.Chunk(Batch), Writers, (connection, chunk) =>
            BenchTables.RecordAttemptsAsync(connection, [.. chunk.Select(id => new AttemptRow(id, "bench.db", 200, 1))], now));
        context.Results.AddLimit(Limit.DatabaseDelivery, rows / delivery.TotalSeconds);

        // 3. The same per delivery, one statement and one commit each (the shape of Herald's RecordAttemptAsync), over
        // 16 connections; 4. the same over one connection: the disk's commit latency, which every path of Herald pays
        // and the wire does not (on a shared machine it moves with other people's disk traffic).
        var single = ids.Take(Math.Max(1000, rows / 10)).ToArray();
        var many = await OneCommitEachAsync(database, single, SingleCommitConnections, "att2_", now);
        context.Results.AddLimit(Limit.DatabaseOneCommit, many);
        var serial = await OneCommitEachAsync(database, ids.Skip(single.Length).Take(Math.Max(300, rows / 100)).ToArray(), 1, "att3_", now);
        context.Results.AddLimit(Limit.DatabaseSerialCommit, serial);

        context.Log($"database baseline run {run}: ingest {rows / ingest.TotalSeconds:N0} events/s, delivery {rows / delivery.TotalSeconds:N0}/s batched, " +
                    $"{many:N0}/s one commit each over {SingleCommitConnections} connections, {serial:N0}/s over one");
    }

    /// <summary>One statement and commit per delivery over <paramref name="connections"/> connections; deliveries/s.</summary>
    private static async Task<double> OneCommitEachAsync(BenchDatabase database, string[] ids, int connections, string prefix, DateTimeOffset now)
    {
        var elapsed = await TimeAsync(database, ids.Chunk(1), connections, async (connection, one) =>
        {
            await using var command = new NpgsqlCommand("""
                with logged as (
                    insert into bench_attempts (attempt_id, delivery_id, endpoint_id, event_id, event_type, attempt, succeeded,
                                                status_code, latency_ms, error, response_excerpt, attempted_at, next_attempt_at)
                    values (@attempt, @delivery, 'wh_bench', @event, 'bench.db', 2, true, 200, 1, null, null, @now, null)
                )
                update bench_deliveries set status = 'succeeded', attempts = 2, updated_at = @now where delivery_id = @delivery
                """, connection);
            command.Parameters.AddWithValue("attempt", prefix + one[0]);
            command.Parameters.AddWithValue("delivery", "dlv_" + one[0]);
            command.Parameters.AddWithValue("event", one[0]);
            command.Parameters.AddWithValue("now", now);
            await command.ExecuteNonQueryAsync();
        });
        return ids.Length / elapsed.TotalSeconds;
    }

    /// <summary>Runs the work items over <paramref name="writers"/> connections, each taking the next item; returns the elapsed time.</summary>
    private static async Task<TimeSpan> TimeAsync<T>(BenchDatabase database, IEnumerable<T> items, int writers, Func<NpgsqlConnection, T, Task> write)
    {
        var queue = new System.Collections.Concurrent.ConcurrentQueue<T>(items);
        var connections = new List<NpgsqlConnection>();
        try
        {
            for (var i = 0; i < writers; i++)
            {
                connections.Add(await database.DataSource.OpenConnectionAsync());
            }
            var clock = Stopwatch.StartNew();
            await Task.WhenAll(connections.Select(async connection =>
            {
                while (queue.TryDequeue(out var item))
                {
                    await write(connection, item);
                }
            }));
            return clock.Elapsed;
        }
        finally
        {
            foreach (var connection in connections)
            {
                await connection.DisposeAsync();
            }
        }
    }
}
