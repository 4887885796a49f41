using Npgsql;

namespace Herald.Grains.Storage;

/// <summary>Reads a webhook's deliveries (one per event it received): newest first a page at a time, or one in detail.</summary>
public sealed class DeliveryLog(NpgsqlDataSource dataSource, AttemptLog attempts)
{
    /// <summary>One page of <paramref name="query"/>'s deliveries and the next cursor; <see cref="LogQuery.Status"/> is a delivery status.</summary>
    public Task<(IReadOnlyList<DeliveryEntry> Page, string? NextCursor)> ListAsync(LogQuery query, CancellationToken cancellationToken = default) =>
        KeysetPage.ReadAsync(Command(query), query.Limit, DeliveryRows.Read, d => new KeysetCursor(d.CreatedAt, d.DeliveryId), cancellationToken);

    internal NpgsqlCommand Command(LogQuery query)
    {
        var conditions = new SqlConditions().Add("d.endpoint_id = @endpoint", "endpoint", query.EndpointId)
            .AddIf(query.Status, "d.status = @status", "status");
        TypeFilter.Apply(conditions, "e.event_type", query.EventType);
        conditions.AddIf(query.EventId, "d.event_id = @event_id", "event_id")
            .Window("d.created_at", "d.delivery_id", query.Since, query.Until, query.Cursor)
            .Parameter("limit", query.Limit + 1);
        return conditions.Command(dataSource, DeliveryRows.Select() + """

            order by d.created_at desc, d.delivery_id desc
            limit @limit
            """);
    }

    /// <summary>The delivery <paramref name="deliveryId"/> of the webhook, with its body and attempts; null when the webhook has no such delivery.</summary>
    public async Task<DeliveryDetail?> FindAsync(string endpointId, string deliveryId, CancellationToken cancellationToken = default)
    {
        DeliveryEntry entry;
        byte[]? body;
        var conditions = new SqlConditions().Add("d.endpoint_id = @endpoint", "endpoint", endpointId)
            .Add("d.delivery_id = @delivery", "delivery", deliveryId);
        await using (var command = conditions.Command(dataSource, DeliveryRows.Select(", e.body")))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            if (!await reader.ReadAsync(cancellationToken))
            {
                return null;
            }
            entry = DeliveryRows.Read(reader);
            body = reader.IsDBNull(11) ? null : reader.GetFieldValue<byte[]>(11);
        }
        return new DeliveryDetail(entry, body, await attempts.OfDeliveryAsync(endpointId, deliveryId, cancellationToken));
    }
}
