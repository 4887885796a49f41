using Npgsql;

namespace Herald.Grains.Storage;

/// <summary>Reads an endpoint's attempt log, newest first, a page at a time.</summary>
public sealed class AttemptLog(NpgsqlDataSource dataSource)
{
    /// <summary>Up to <paramref name="limit"/> attempts older than <paramref name="cursor"/> (an attempt id), and the next cursor.</summary>
    public async Task<(IReadOnlyList<AttemptLogEntry> Page, string? NextCursor)> ListAsync(
        string endpointId, int limit, string? cursor, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("""
            select attempt_id, delivery_id, event_id, event_type, attempt, succeeded, status_code, latency_ms,
                   error, response_excerpt, attempted_at, next_attempt_at
            from herald_attempts
            where endpoint_id = @endpoint and (@cursor::text is null or attempt_id < @cursor::text)
            order by attempt_id desc
            limit @limit
            """);
        command.Parameters.AddWithValue("endpoint", endpointId);
        command.Parameters.Add(new NpgsqlParameter<string?>("cursor", cursor));
        command.Parameters.AddWithValue("limit", limit + 1);
        var rows = new List<AttemptLogEntry>(limit + 1);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new AttemptLogEntry(
                reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.GetInt32(4), reader.GetBoolean(5),
                reader.IsDBNull(6) ? null : reader.GetInt32(6),
                reader.GetInt32(7),
                reader.IsDBNull(8) ? null : reader.GetString(8),
                reader.IsDBNull(9) ? null : reader.GetString(9),
                reader.GetFieldValue<DateTimeOffset>(10),
                reader.IsDBNull(11) ? null : reader.GetFieldValue<DateTimeOffset>(11)));
        }
        if (rows.Count <= limit)
        {
            return (rows, null);
        }
        rows.RemoveAt(limit);
        return (rows, rows[^1].AttemptId);
    }
}
