using Npgsql;

namespace Herald.Grains.Storage;

/// <summary>Reads one event of an account with the status of each of its deliveries.</summary>
public sealed class EventLookup(NpgsqlDataSource dataSource)
{
    public async Task<StoredEvent?> FindAsync(string accountId, string eventId, CancellationToken cancellationToken = default)
    {
        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(Command(
            "select event_type, source, endpoint_count, created_at from herald_events where account_id = @account and event_id = @event",
            accountId, eventId));
        batch.BatchCommands.Add(Command("""
            select endpoint_id, delivery_id, status, attempts,
                   case when status = 'pending' then next_attempt_at end, updated_at
            from herald_deliveries where account_id = @account and event_id = @event
            order by endpoint_id
            """, accountId, eventId));
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }
        var (type, source, count, created) = (reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1),
            reader.GetInt32(2), reader.GetFieldValue<DateTimeOffset>(3));
        await reader.NextResultAsync(cancellationToken);
        var deliveries = new List<EventDeliveryStatus>();
        while (await reader.ReadAsync(cancellationToken))
        {
            deliveries.Add(new EventDeliveryStatus(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3),
                reader.IsDBNull(4) ? null : reader.GetFieldValue<DateTimeOffset>(4), reader.GetFieldValue<DateTimeOffset>(5)));
        }
        return new StoredEvent(eventId, type, source, count, created, deliveries);
    }

    private static NpgsqlBatchCommand Command(string sql, string accountId, string eventId)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.AddWithValue("account", accountId);
        command.Parameters.AddWithValue("event", eventId);
        return command;
    }
}
