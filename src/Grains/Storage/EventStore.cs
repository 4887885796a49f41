using Herald.Abstractions.Events;
using Herald.Abstractions.Ids;
using Npgsql;
using NpgsqlTypes;

namespace Herald.Grains.Storage;

/// <summary>Stores a published event and its fan-out (one queued delivery per endpoint) in one transaction.</summary>
public sealed class EventStore(NpgsqlDataSource dataSource)
{
    /// <summary>
    /// Commits the event and one pending delivery per endpoint; when the event id is already stored for the
    /// account, changes nothing and answers with the first publish's result.
    /// </summary>
    public async Task<PublishResult> AppendAsync(
        string accountId, PublishCommand command, IReadOnlyList<string> endpointIds, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        await using (var insertEvent = new NpgsqlCommand("""
            insert into herald_events (account_id, event_id, event_type, source, body, endpoint_count, created_at)
            values (@account, @event, @type, @source, @body, @count, @created)
            on conflict (account_id, event_id) do nothing
            """, connection, transaction))
        {
            insertEvent.Parameters.AddWithValue("account", accountId);
            insertEvent.Parameters.AddWithValue("event", command.EventId);
            insertEvent.Parameters.AddWithValue("type", command.Type);
            insertEvent.Parameters.AddWithValue("source", (object?)command.Source ?? DBNull.Value);
            insertEvent.Parameters.AddWithValue("body", command.Body);
            insertEvent.Parameters.AddWithValue("count", endpointIds.Count);
            insertEvent.Parameters.AddWithValue("created", command.Timestamp);
            if (await insertEvent.ExecuteNonQueryAsync(cancellationToken) == 0)
            {
                await transaction.RollbackAsync(cancellationToken);
                return new PublishResult(command.EventId, await ReadEndpointCountAsync(accountId, command.EventId, cancellationToken), Duplicate: true);
            }
        }

        if (endpointIds.Count > 0)
        {
            await using var insertDeliveries = new NpgsqlCommand("""
                insert into herald_deliveries (delivery_id, endpoint_id, account_id, event_id, next_attempt_at)
                select d, e, @account, @event, @due from unnest(@deliveries, @endpoints) as t(d, e)
                """, connection, transaction);
            insertDeliveries.Parameters.AddWithValue("account", accountId);
            insertDeliveries.Parameters.AddWithValue("event", command.EventId);
            insertDeliveries.Parameters.AddWithValue("due", command.Timestamp);
            insertDeliveries.Parameters.Add(new NpgsqlParameter("deliveries", NpgsqlDbType.Array | NpgsqlDbType.Text)
            {
                Value = endpointIds.Select(_ => HeraldId.New("dlv")).ToArray(),
            });
            insertDeliveries.Parameters.Add(new NpgsqlParameter("endpoints", NpgsqlDbType.Array | NpgsqlDbType.Text)
            {
                Value = endpointIds.ToArray(),
            });
            await insertDeliveries.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return new PublishResult(command.EventId, endpointIds.Count, Duplicate: false);
    }

    private async Task<int> ReadEndpointCountAsync(string accountId, string eventId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "select endpoint_count from herald_events where account_id = @account and event_id = @event");
        command.Parameters.AddWithValue("account", accountId);
        command.Parameters.AddWithValue("event", eventId);
        return (int)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
