namespace Herald.Tests.Infrastructure;

/// <summary>Pending deliveries written straight into an endpoint's queue, as no publish wrote them: a backlog, or rows no notice told of.</summary>
public static class QueuedRows
{
    /// <summary>
    /// Queues <paramref name="count"/> events (<c>evt_{prefix}_{endpoint}_{n}</c>, delivery id <c>dlv_</c> + event id)
    /// for the endpoint, due at <paramref name="due"/>, in the order of their event ids.
    /// </summary>
    public static Task InsertAsync(TestDatabase database, string accountId, string endpointId, string prefix, int count, DateTimeOffset due) =>
        database.ExecuteAsync("""
            with e as (
                insert into herald_events (account_id, event_id, event_type, body, endpoint_count, created_at)
                select @account, 'evt_' || @prefix || '_' || @endpoint || '_' || n, @prefix || '.item', convert_to('{}', 'UTF8'), 1, now()
                from generate_series(1, @count) n
                returning event_id)
            insert into herald_deliveries (delivery_id, endpoint_id, account_id, event_id, next_attempt_at)
            select 'dlv_' || event_id, @endpoint, @account, event_id, @due from e order by event_id
            """, ("account", accountId), ("endpoint", endpointId), ("prefix", prefix), ("count", count), ("due", due));
}
