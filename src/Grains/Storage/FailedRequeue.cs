using Herald.Abstractions.Webhooks;
using Npgsql;

namespace Herald.Grains.Storage;

/// <summary>
/// The queries of a bulk retry: which failed deliveries of an endpoint match a filter, and the requeue of the next
/// batch of them, at the tail, in their queue order. Only rows at or before the place the job was accepted at
/// (<c>upTo</c>) match: a requeued row takes a new place beyond it, so a batch run again after a crash finds only
/// the rows not yet requeued.
/// </summary>
public sealed class FailedRequeue(NpgsqlDataSource dataSource)
{
    private const string Match = """
        from herald_deliveries d join herald_events e on e.account_id = d.account_id and e.event_id = d.event_id
        where d.endpoint_id = @endpoint and d.status = 'failed' and d.seq <= @up_to
          and (@type::text is null or e.event_type = @type::text)
          and (@since::timestamptz is null or d.created_at >= @since::timestamptz)
          and (@until::timestamptz is null or d.created_at < @until::timestamptz)
        """;

    /// <summary>How many failed deliveries match now, and the last queue place among them (0 when none).</summary>
    public async Task<(int Count, long UpTo)> CountAsync(string endpointId, FailedDeliveryFilter filter, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand($"select count(*), coalesce(max(d.seq), 0) {Match}");
        Bind(command.Parameters, endpointId, filter, long.MaxValue);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return ((int)reader.GetInt64(0), reader.GetInt64(1));
    }

    /// <summary>
    /// Queues the next <paramref name="limit"/> matching deliveries again at the tail, in their order, each with a
    /// fresh retry budget, as <paramref name="status"/> (pending, or held on a disabled endpoint); returns how many.
    /// </summary>
    public async Task<int> RequeueBatchAsync(
        string endpointId, FailedDeliveryFilter filter, long upTo, int limit, string status, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        // As in DeliveryQueue.RecoverAsync: each row takes its own nextval, evaluated after the sort and the limit
        // (PostgreSQL 9.6 and later), so the new places follow the old order.
        await using var command = dataSource.CreateCommand($"""
            with failed as (
                select d.delivery_id, nextval(pg_get_serial_sequence('herald_deliveries', 'seq')) as place
                {Match}
                order by d.seq
                limit @limit)
            update herald_deliveries d
            set status = @status, seq = failed.place, budget_start = d.attempts, next_attempt_at = @now, updated_at = @now
            from failed
            where d.delivery_id = failed.delivery_id and d.status = 'failed'
            """);
        Bind(command.Parameters, endpointId, filter, upTo);
        command.Parameters.AddWithValue("limit", limit);
        command.Parameters.AddWithValue("status", status);
        command.Parameters.AddWithValue("now", now);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void Bind(NpgsqlParameterCollection parameters, string endpointId, FailedDeliveryFilter filter, long upTo)
    {
        parameters.AddWithValue("endpoint", endpointId);
        parameters.AddWithValue("up_to", upTo);
        parameters.Add(new NpgsqlParameter<string?>("type", filter.EventType));
        parameters.Add(new NpgsqlParameter<DateTimeOffset?>("since", filter.Since));
        parameters.Add(new NpgsqlParameter<DateTimeOffset?>("until", filter.Until));
    }
}
