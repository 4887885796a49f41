using Npgsql;
using NpgsqlTypes;

namespace Herald.Bench.Infrastructure;

/// <summary>
/// Copies of Herald's tables (same columns, indexes and defaults: <c>like … including all</c>), and the rows Herald
/// writes, written to them with <c>insert … select … from unnest(…)</c>: what the database and pipe limits write.
/// Each event has one delivery (<c>dlv_</c> + its id) to one webhook; each attempt is its delivery's first.
/// </summary>
public static class BenchTables
{
    /// <summary>Creates the copies (Herald's tables must exist: it migrates them as it starts) and empties them.</summary>
    public static Task ResetAsync(BenchDatabase database) => database.ExecuteAsync("""
        create table if not exists bench_events (like herald_events including all);
        create table if not exists bench_deliveries (like herald_deliveries including all);
        create table if not exists bench_attempts (like herald_attempts including all);
        truncate bench_events, bench_deliveries, bench_attempts;
        """);

    /// <summary>An event row and its pending delivery row per event, in <paramref name="transaction"/>.</summary>
    public static async Task InsertEventsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<EventRow> rows, DateTimeOffset now)
    {
        var ids = rows.Select(r => r.Id).ToArray();
        await using (var events = new NpgsqlCommand("""
            insert into bench_events (account_id, event_id, event_type, source, body, endpoint_count, created_at)
            select 'acct_bench', e, t, null, b, 1, @now from unnest(@events, @types, @bodies) as u(e, t, b)
            """, connection, transaction))
        {
            events.Parameters.AddWithValue("now", now);
            events.Parameters.AddWithValue("events", ids);
            events.Parameters.AddWithValue("types", rows.Select(r => r.Type).ToArray());
            events.Parameters.Add(new NpgsqlParameter("bodies", NpgsqlDbType.Array | NpgsqlDbType.Bytea) { Value = rows.Select(r => r.Body).ToArray() });
            await events.ExecuteNonQueryAsync();
        }
        await using var deliveries = new NpgsqlCommand("""
            insert into bench_deliveries (delivery_id, endpoint_id, account_id, event_id, next_attempt_at)
            select 'dlv_' || e, 'wh_bench', 'acct_bench', e, @now from unnest(@events) as u(e)
            """, connection, transaction);
        deliveries.Parameters.AddWithValue("now", now);
        deliveries.Parameters.AddWithValue("events", ids);
        await deliveries.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// An attempt row and its delivery's update (succeeded, or still pending after a failure) per attempt, in one
    /// statement (and one commit, unless in a transaction of the caller's).
    /// </summary>
    public static async Task RecordAttemptsAsync(NpgsqlConnection connection, IReadOnlyList<AttemptRow> attempts, DateTimeOffset now)
    {
        await using var command = new NpgsqlCommand("""
            with logged as (
                insert into bench_attempts (attempt_id, delivery_id, endpoint_id, event_id, event_type, attempt, succeeded,
                                            status_code, latency_ms, error, response_excerpt, attempted_at, next_attempt_at)
                select 'att_' || e, 'dlv_' || e, 'wh_bench', e, t, 1, s between 200 and 299, s, l, null, null, @now, null
                from unnest(@events, @types, @statuses, @latencies) as u(e, t, s, l)
            )
            update bench_deliveries d
            set status = case when u.s between 200 and 299 then 'succeeded' else 'pending' end, attempts = 1, updated_at = @now
            from unnest(@events, @statuses) as u(e, s) where d.delivery_id = 'dlv_' || u.e
            """, connection);
        command.Parameters.AddWithValue("now", now);
        command.Parameters.AddWithValue("events", attempts.Select(a => a.EventId).ToArray());
        command.Parameters.AddWithValue("types", attempts.Select(a => a.Type).ToArray());
        command.Parameters.AddWithValue("statuses", attempts.Select(a => a.StatusCode).ToArray());
        command.Parameters.AddWithValue("latencies", attempts.Select(a => a.LatencyMs).ToArray());
        await command.ExecuteNonQueryAsync();
    }
}
