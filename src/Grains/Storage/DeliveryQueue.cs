using Npgsql;

namespace Herald.Grains.Storage;

/// <summary>An endpoint's queue in <c>herald_deliveries</c>; its endpoint grain is the only writer.</summary>
public sealed class DeliveryQueue(NpgsqlDataSource dataSource)
{
    /// <summary>The oldest pending deliveries of the endpoint, in queue order.</summary>
    public async Task<IReadOnlyList<QueuedDelivery>> PeekAsync(string endpointId, int limit, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("""
            select d.delivery_id, d.event_id, e.event_type, e.body, d.attempts, d.next_attempt_at
            from herald_deliveries d
            join herald_events e on e.account_id = d.account_id and e.event_id = d.event_id
            where d.endpoint_id = @endpoint and d.status = 'pending'
            order by d.seq
            limit @limit
            """);
        command.Parameters.AddWithValue("endpoint", endpointId);
        command.Parameters.AddWithValue("limit", limit);
        var head = new List<QueuedDelivery>(limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            head.Add(new QueuedDelivery(
                reader.GetString(0), reader.GetString(1), reader.GetString(2),
                reader.GetFieldValue<byte[]>(3), reader.GetInt32(4), reader.GetFieldValue<DateTimeOffset>(5)));
        }
        return head;
    }

    /// <summary>Appends the attempt to the log and moves the delivery on, in one statement (so both or neither).</summary>
    public async Task RecordAttemptAsync(AttemptRecord attempt, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("""
            with logged as (
                insert into herald_attempts (attempt_id, delivery_id, endpoint_id, event_id, event_type, attempt, succeeded,
                                             status_code, latency_ms, error, response_excerpt, attempted_at, next_attempt_at)
                values (@attempt_id, @delivery, @endpoint, @event, @type, @attempt, @succeeded,
                        @status_code, @latency, @error, @excerpt, @attempted_at, @next)
            )
            update herald_deliveries
            set status = @delivery_status, attempts = @attempt, next_attempt_at = coalesce(@next, next_attempt_at), updated_at = @attempted_at
            where delivery_id = @delivery
            """);
        var p = command.Parameters;
        p.AddWithValue("attempt_id", attempt.AttemptId);
        p.AddWithValue("delivery", attempt.DeliveryId);
        p.AddWithValue("endpoint", attempt.EndpointId);
        p.AddWithValue("event", attempt.EventId);
        p.AddWithValue("type", attempt.EventType);
        p.AddWithValue("attempt", attempt.Attempt);
        p.AddWithValue("succeeded", attempt.Succeeded);
        p.Add(new NpgsqlParameter<int?>("status_code", attempt.StatusCode));
        p.AddWithValue("latency", attempt.LatencyMs);
        p.Add(new NpgsqlParameter<string?>("error", attempt.Error));
        p.Add(new NpgsqlParameter<string?>("excerpt", attempt.ResponseExcerpt));
        p.AddWithValue("attempted_at", attempt.AttemptedAt);
        p.Add(new NpgsqlParameter<DateTimeOffset?>("next", attempt.NextAttemptAt));
        p.AddWithValue("delivery_status", attempt.DeliveryStatus);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Removes an endpoint's queue and log when the endpoint is deleted.</summary>
    public async Task DeleteEndpointAsync(string endpointId, CancellationToken cancellationToken = default)
    {
        await using var batch = dataSource.CreateBatch();
        foreach (var table in new[] { "herald_attempts", "herald_deliveries" })
        {
            var command = new NpgsqlBatchCommand($"delete from {table} where endpoint_id = @endpoint");
            command.Parameters.AddWithValue("endpoint", endpointId);
            batch.BatchCommands.Add(command);
        }
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Endpoints with pending work that fell due before <paramref name="dueBefore"/>: the recovery sweep's worklist.</summary>
    public async Task<IReadOnlyList<string>> FindOverdueEndpointsAsync(DateTimeOffset dueBefore, int limit, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("""
            select distinct endpoint_id from (
                select endpoint_id from herald_deliveries
                where status = 'pending' and next_attempt_at < @due
                order by next_attempt_at
                limit @scan
            ) overdue
            limit @limit
            """);
        command.Parameters.AddWithValue("due", dueBefore);
        command.Parameters.AddWithValue("scan", limit * 20);
        command.Parameters.AddWithValue("limit", limit);
        var endpoints = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            endpoints.Add(reader.GetString(0));
        }
        return endpoints;
    }
}
