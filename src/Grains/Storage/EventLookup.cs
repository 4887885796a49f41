using Npgsql;

namespace Herald.Grains.Storage;

/// <summary>Reads one event of an account with its body and each of its deliveries (by webhook) with its latest attempt.</summary>
public sealed class EventLookup(NpgsqlDataSource dataSource)
{
    public async Task<StoredEvent?> FindAsync(string accountId, string eventId, CancellationToken cancellationToken = default)
    {
        StoredEvent found;
        await using (var command = dataSource.CreateCommand(
            "select event_type, source, endpoint_count, created_at, body from herald_events where account_id = @account and event_id = @event"))
        {
            command.Parameters.AddWithValue("account", accountId);
            command.Parameters.AddWithValue("event", eventId);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                return null;
            }
            found = new StoredEvent(eventId, reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetInt32(2),
                reader.GetFieldValue<DateTimeOffset>(3), reader.GetFieldValue<byte[]>(4), []);
        }
        var conditions = new SqlConditions().Add("d.account_id = @account", "account", accountId).Add("d.event_id = @event", "event", eventId);
        var deliveries = new List<DeliveryEntry>();
        await using (var command = conditions.Command(dataSource, DeliveryRows.Select() + "\norder by d.endpoint_id, d.delivery_id"))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                deliveries.Add(DeliveryRows.Read(reader));
            }
        }
        return found with { Deliveries = deliveries };
    }
}
