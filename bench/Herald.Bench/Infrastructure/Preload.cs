using NpgsqlTypes;

namespace Herald.Bench.Infrastructure;

/// <summary>
/// Fills endpoints' queues straight in PostgreSQL (herald_events + herald_deliveries, as a publish would write
/// them), in batches, round-robin over the endpoints so that each queue's order is its message number k.
/// </summary>
public static class Preload
{
    private const int Batch = 10_000;

    public static string EventId(string label, int endpoint, int k) => $"{label}-{endpoint}-{k:D7}";

    public static async Task QueueAsync(
        BenchDatabase database, IReadOnlyList<BenchEndpoint> endpoints, int perEndpoint, string label, string status, DateTimeOffset? due = null)
    {
        var now = DateTimeOffset.UtcNow;
        var rows = Enumerable.Range(0, perEndpoint).SelectMany(k => endpoints.Select((e, i) => (Endpoint: e, Index: i, K: k)));
        foreach (var chunk in rows.Chunk(Batch))
        {
            var ids = chunk.Select(r => EventId(label, r.Index, r.K)).ToArray();
            await using var connection = await database.DataSource.OpenConnectionAsync();
            await using var transaction = await connection.BeginTransactionAsync();
            await using (var events = new Npgsql.NpgsqlCommand("""
                insert into herald_events (account_id, event_id, event_type, source, body, endpoint_count, created_at)
                select a, e, t, null, b, 1, @now from unnest(@accounts, @events, @types, @bodies) as u(a, e, t, b)
                """, connection, transaction))
            {
                events.Parameters.AddWithValue("now", now);
                events.Parameters.AddWithValue("accounts", chunk.Select(r => r.Endpoint.AccountId).ToArray());
                events.Parameters.AddWithValue("events", ids);
                events.Parameters.AddWithValue("types", chunk.Select(r => r.Endpoint.EventType).ToArray());
                events.Parameters.Add(new Npgsql.NpgsqlParameter("bodies", NpgsqlDbType.Array | NpgsqlDbType.Bytea)
                {
                    Value = chunk.Select((r, i) => Payloads.Envelope(r.Endpoint.EventType, ids[i], r.K, now)).ToArray(),
                });
                events.CommandTimeout = 600;
                await events.ExecuteNonQueryAsync();
            }
            await using (var deliveries = new Npgsql.NpgsqlCommand("""
                insert into herald_deliveries (delivery_id, endpoint_id, account_id, event_id, status, next_attempt_at)
                select 'dlv_' || e, w, a, e, @status, @due from unnest(@endpoints, @accounts, @events) as u(w, a, e)
                """, connection, transaction))
            {
                deliveries.Parameters.AddWithValue("due", due ?? now);
                deliveries.Parameters.AddWithValue("status", status);
                deliveries.Parameters.AddWithValue("endpoints", chunk.Select(r => r.Endpoint.WebhookId).ToArray());
                deliveries.Parameters.AddWithValue("accounts", chunk.Select(r => r.Endpoint.AccountId).ToArray());
                deliveries.Parameters.AddWithValue("events", ids);
                deliveries.CommandTimeout = 600;
                await deliveries.ExecuteNonQueryAsync();
            }
            await transaction.CommitAsync();
        }
        await database.ExecuteAsync("analyze herald_deliveries; analyze herald_events");
    }
}
