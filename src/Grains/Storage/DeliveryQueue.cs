using Npgsql;

namespace Herald.Grains.Storage;

/// <summary>
/// An endpoint's queue in <c>herald_deliveries</c>; its endpoint grain is the only writer of its rows after the
/// publish that creates them. Every query here goes through an index on the endpoint, so its cost does not grow
/// with the backlog.
/// </summary>
public sealed class DeliveryQueue(NpgsqlDataSource dataSource, AttemptWriter attempts)
{
    private const string Columns = """
        d.delivery_id, d.event_id, e.event_type, e.body, d.attempts, d.budget_start, d.next_attempt_at, e.created_at, d.seq
        """;

    /// <summary>
    /// The head of the queue in queue order (strict mode), due or not, after <paramref name="afterSeq"/>. A drain that
    /// has finished every delivery up to a place passes it, so the index scan starts there instead of stepping over
    /// the entries its own updates left behind until vacuum removes them (a long backlog otherwise costs more to read
    /// the further it drains).
    /// </summary>
    public Task<IReadOnlyList<QueuedDelivery>> PeekHeadAsync(string endpointId, long afterSeq, int limit, CancellationToken cancellationToken = default) =>
        ReadAsync($"""
            select {Columns}
            from herald_deliveries d join herald_events e on e.account_id = d.account_id and e.event_id = d.event_id
            where d.endpoint_id = @endpoint and d.status = 'pending' and d.seq > @after
            order by d.seq
            limit @limit
            """, cancellationToken, ("endpoint", endpointId), ("after", afterSeq), ("limit", limit));

    /// <summary>Due deliveries not already in flight, due first then in queue order (concurrent mode).</summary>
    public Task<IReadOnlyList<QueuedDelivery>> PeekDueAsync(
        string endpointId, DateTimeOffset now, int limit, IReadOnlyCollection<string> inFlight, CancellationToken cancellationToken = default) =>
        ReadAsync($"""
            select {Columns}
            from herald_deliveries d join herald_events e on e.account_id = d.account_id and e.event_id = d.event_id
            where d.endpoint_id = @endpoint and d.status = 'pending' and d.next_attempt_at <= @now
              and not (d.delivery_id = any(@in_flight))
            order by d.next_attempt_at, d.seq
            limit @limit
            """, cancellationToken, ("endpoint", endpointId), ("now", now), ("limit", limit), ("in_flight", inFlight.ToArray()));

    /// <summary>When the earliest pending delivery falls due, or null when nothing is pending.</summary>
    public async Task<DateTimeOffset?> EarliestDueAsync(string endpointId, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(
            "select min(next_attempt_at) from herald_deliveries where endpoint_id = @endpoint and status = 'pending'");
        command.Parameters.AddWithValue("endpoint", endpointId);
        return await command.ExecuteScalarAsync(cancellationToken) is DateTime due ? new DateTimeOffset(due, TimeSpan.Zero) : null;
    }

    /// <summary>
    /// Appends the attempt to the log and moves the delivery on, in one statement (so both or neither), committed
    /// together with the other attempts that finish meanwhile (<see cref="AttemptWriter"/>).
    /// </summary>
    public Task RecordAttemptAsync(AttemptRecord attempt, CancellationToken cancellationToken = default) =>
        attempts.WriteAsync(attempt).WaitAsync(cancellationToken);

    /// <summary>
    /// Stores a test event with its one delivery and records the attempt through the statement every delivery's
    /// attempts go through (<see cref="AttemptStatement"/>): all three rows or none.
    /// </summary>
    public async Task RecordTestAsync(string accountId, byte[] body, AttemptRecord attempt, CancellationToken cancellationToken = default)
    {
        // One batch, one round trip. A batch without error barriers runs as one implicit transaction: a statement
        // that fails rolls back those before it and skips those after. Each statement sees the rows of those before
        // it, so the attempt statement finds the delivery just inserted (as pending, due at the attempt) and moves it
        // on as it would any delivery.
        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(Statement("""
            insert into herald_events (account_id, event_id, event_type, body, endpoint_count, created_at)
            values (@account, @event, @type, @body, 1, @created_at)
            """, ("account", accountId), ("event", attempt.EventId), ("type", attempt.EventType), ("body", body), ("created_at", attempt.AttemptedAt)));
        batch.BatchCommands.Add(Statement("""
            insert into herald_deliveries (delivery_id, endpoint_id, account_id, event_id, next_attempt_at, created_at)
            values (@delivery, @endpoint, @account, @event, @created_at, @created_at)
            """, ("delivery", attempt.DeliveryId), ("endpoint", attempt.EndpointId), ("account", accountId), ("event", attempt.EventId),
            ("created_at", attempt.AttemptedAt)));
        batch.BatchCommands.Add(AttemptStatement.BatchCommand([attempt]));
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>A disabled endpoint holds its queue: pending deliveries become held, in place and in order.</summary>
    public Task<int> HoldAsync(string endpointId, CancellationToken cancellationToken = default) =>
        ExecuteAsync("update herald_deliveries set status = 'held' where endpoint_id = @endpoint and status = 'pending'",
            cancellationToken, ("endpoint", endpointId));

    /// <summary>An enabled endpoint releases what it held, in the order it was held.</summary>
    public Task<int> ReleaseAsync(string endpointId, CancellationToken cancellationToken = default) =>
        ExecuteAsync("update herald_deliveries set status = 'pending' where endpoint_id = @endpoint and status = 'held'",
            cancellationToken, ("endpoint", endpointId));

    /// <summary>Queues a finished (succeeded or failed) delivery again at the tail, with a fresh retry budget.</summary>
    public async Task<RequeueResult> RequeueAsync(
        string endpointId, string deliveryId, string status, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("""
            with target as (select status from herald_deliveries where endpoint_id = @endpoint and delivery_id = @delivery),
            moved as (
                update herald_deliveries
                set status = @status, seq = nextval(pg_get_serial_sequence('herald_deliveries', 'seq')),
                    budget_start = attempts, next_attempt_at = @now, updated_at = @now
                where endpoint_id = @endpoint and delivery_id = @delivery and status in ('succeeded', 'failed')
                returning 1)
            select (select status from target), (select count(*) from moved)
            """);
        command.Parameters.AddWithValue("endpoint", endpointId);
        command.Parameters.AddWithValue("delivery", deliveryId);
        command.Parameters.AddWithValue("status", status);
        command.Parameters.AddWithValue("now", now);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return reader.IsDBNull(0) ? RequeueResult.NotFound : reader.GetInt64(1) == 1 ? RequeueResult.Queued : RequeueResult.AlreadyQueued;
    }

    /// <summary>
    /// Queues every failed delivery created in [<paramref name="since"/>, <paramref name="until"/>) again (an open end
    /// when null), in their original order, each with a fresh budget.
    /// </summary>
    public Task<int> RecoverAsync(
        string endpointId, DateTimeOffset since, DateTimeOffset? until, string status, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        // Each row takes its own nextval, as a publish does, so no place is shared with a concurrent publish. The
        // select list is evaluated after its sort (PostgreSQL 9.6 and later), so the new places follow the old order.
        ExecuteAsync("""
            with failed as (
                select delivery_id, nextval(pg_get_serial_sequence('herald_deliveries', 'seq')) as place
                from herald_deliveries
                where endpoint_id = @endpoint and status = 'failed' and created_at >= @since
                  and (@until::timestamptz is null or created_at < @until::timestamptz)
                order by seq)
            update herald_deliveries d
            set status = @status, seq = failed.place, budget_start = d.attempts, next_attempt_at = @now, updated_at = @now
            from failed
            where d.delivery_id = failed.delivery_id
            """, cancellationToken, ("endpoint", endpointId), ("since", since), ("until", (object?)until ?? DBNull.Value), ("status", status),
            ("now", now));

    /// <summary>Removes an endpoint's queue, log and failure outbox when the endpoint is deleted.</summary>
    public async Task DeleteEndpointAsync(string endpointId, CancellationToken cancellationToken = default)
    {
        await ExecuteAsync("delete from herald_failure_outbox where endpoint_id = @endpoint", cancellationToken, ("endpoint", endpointId));
        await ExecuteAsync("delete from herald_attempts where endpoint_id = @endpoint", cancellationToken, ("endpoint", endpointId));
        await ExecuteAsync("delete from herald_deliveries where endpoint_id = @endpoint", cancellationToken, ("endpoint", endpointId));
    }

    /// <summary>
    /// Endpoints whose earliest pending delivery fell due before <paramref name="dueBefore"/>, in endpoint order after
    /// <paramref name="afterEndpoint"/> ("" for the first), at most <paramref name="limit"/>: one page of the recovery
    /// sweep's worklist. A full page's last endpoint is the next page's cursor. The cost is one index probe per
    /// endpoint with pending work that the page walks past, whatever the size of any endpoint's backlog
    /// (<see cref="OverdueEndpointScan"/>).
    /// </summary>
    public async Task<IReadOnlyList<string>> FindOverdueEndpointsAsync(
        DateTimeOffset dueBefore, string afterEndpoint, int limit, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(OverdueEndpointScan.Sql);
        command.Parameters.AddWithValue("due", dueBefore);
        command.Parameters.AddWithValue("after", afterEndpoint);
        command.Parameters.AddWithValue("limit", limit);
        var endpoints = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            endpoints.Add(reader.GetString(0));
        }
        return endpoints;
    }

    private async Task<IReadOnlyList<QueuedDelivery>> ReadAsync(string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var command = dataSource.CreateCommand(sql);
        AddAll(command.Parameters, parameters);
        var rows = new List<QueuedDelivery>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new QueuedDelivery(
                reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetFieldValue<byte[]>(3),
                reader.GetInt32(4), reader.GetInt32(5), reader.GetFieldValue<DateTimeOffset>(6), reader.GetFieldValue<DateTimeOffset>(7),
                reader.GetInt64(8)));
        }
        return rows;
    }

    private static NpgsqlBatchCommand Statement(string sql, params (string Name, object Value)[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        AddAll(command.Parameters, parameters);
        return command;
    }

    private async Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var command = dataSource.CreateCommand(sql);
        AddAll(command.Parameters, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void AddAll(NpgsqlParameterCollection target, (string Name, object Value)[] parameters)
    {
        foreach (var (name, value) in parameters)
        {
            target.AddWithValue(name, value);
        }
    }
}
