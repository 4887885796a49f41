using Npgsql;

namespace Herald.Grains.Storage;

/// <summary>
/// The failure outbox (<c>herald_failure_outbox</c>): rows are written by <see cref="AttemptStatement"/> in the same
/// statement as the failed attempt, read back by their endpoint when it wakes, and deleted once applied.
/// </summary>
public sealed class FailureOutbox(NpgsqlDataSource dataSource)
{
    /// <summary>The endpoint's rows not yet applied, oldest first.</summary>
    public async Task<IReadOnlyList<FailedDelivery>> ReadAsync(string endpointId, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("""
            select attempt_id, delivery_id, event_id, event_type, attempts, reason, status_code, error, failed_at, kind
            from herald_failure_outbox where endpoint_id = @endpoint
            order by attempt_id, case kind when 'failing' then 0 else 1 end
            """);
        command.Parameters.AddWithValue("endpoint", endpointId);
        var rows = new List<FailedDelivery>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new FailedDelivery(
                reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetInt32(4),
                reader.IsDBNull(5) ? null : reader.GetString(5), reader.IsDBNull(6) ? null : reader.GetInt32(6), reader.IsDBNull(7) ? null : reader.GetString(7),
                reader.GetFieldValue<DateTimeOffset>(8), reader.GetString(9)));
        }
        return rows;
    }

    /// <summary>Removes a row whose consequences were all applied.</summary>
    public async Task DeleteAsync(string attemptId, string kind, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("delete from herald_failure_outbox where attempt_id = @attempt and kind = @kind");
        command.Parameters.AddWithValue("attempt", attemptId);
        command.Parameters.AddWithValue("kind", kind);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
