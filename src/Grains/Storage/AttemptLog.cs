using Npgsql;

namespace Herald.Grains.Storage;

/// <summary>Reads the attempt log: a webhook's attempts newest first a page at a time, or one delivery's, oldest first.</summary>
public sealed class AttemptLog(NpgsqlDataSource dataSource)
{
    private const string Columns = """
        attempt_id, delivery_id, event_id, event_type, attempt, succeeded, status_code, latency_ms,
        error, response_excerpt, attempted_at, next_attempt_at, request_headers
        """;

    /// <summary>
    /// One page of <paramref name="query"/>'s attempts and the next cursor. <see cref="LogQuery.Status"/> is
    /// <c>succeeded</c> or <c>failed</c>, the outcome of the attempt.
    /// </summary>
    public Task<(IReadOnlyList<AttemptLogEntry> Page, string? NextCursor)> ListAsync(LogQuery query, CancellationToken cancellationToken = default) =>
        KeysetPage.ReadAsync(Command(query), query.Limit, Read, a => new KeysetCursor(a.AttemptedAt, a.AttemptId), cancellationToken);

    internal NpgsqlCommand Command(LogQuery query)
    {
        var conditions = new SqlConditions().Add("endpoint_id = @endpoint", "endpoint", query.EndpointId);
        conditions.AddIf(query.Status is null ? null : query.Status == DeliveryStatuses.Succeeded, "succeeded = @succeeded", "succeeded");
        TypeFilter.Apply(conditions, "event_type", query.EventType);
        conditions.AddIf(query.EventId, "event_id = @event_id", "event_id")
            .Window("attempted_at", "attempt_id", query.Since, query.Until, query.Cursor)
            .Parameter("limit", query.Limit + 1);
        return conditions.Command(dataSource, $"""
            select {Columns}
            from herald_attempts
            where {"{where}"}
            order by attempted_at desc, attempt_id desc
            limit @limit
            """);
    }

    /// <summary>One page of a webhook's attempts, unfiltered.</summary>
    public Task<(IReadOnlyList<AttemptLogEntry> Page, string? NextCursor)> ListAsync(string endpointId, int limit, KeysetCursor? cursor) =>
        ListAsync(new LogQuery(endpointId, null, null, null, null, null, limit, cursor));

    /// <summary>The attempts of one delivery of one webhook, oldest first.</summary>
    public async Task<IReadOnlyList<AttemptLogEntry>> OfDeliveryAsync(string endpointId, string deliveryId, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand($"""
            select {Columns}
            from herald_attempts
            where delivery_id = @delivery and endpoint_id = @endpoint
            order by attempted_at, attempt_id
            """);
        command.Parameters.AddWithValue("delivery", deliveryId);
        command.Parameters.AddWithValue("endpoint", endpointId);
        var rows = new List<AttemptLogEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(Read(reader));
        }
        return rows;
    }

    private static AttemptLogEntry Read(NpgsqlDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3),
        r.GetInt32(4), r.GetBoolean(5),
        r.IsDBNull(6) ? null : r.GetInt32(6),
        r.GetInt32(7),
        r.IsDBNull(8) ? null : r.GetString(8),
        r.IsDBNull(9) ? null : r.GetString(9),
        r.GetFieldValue<DateTimeOffset>(10),
        r.IsDBNull(11) ? null : r.GetFieldValue<DateTimeOffset>(11),
        r.IsDBNull(12) ? null : r.GetString(12));
}
