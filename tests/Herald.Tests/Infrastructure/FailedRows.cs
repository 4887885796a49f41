namespace Herald.Tests.Infrastructure;

/// <summary>Deliveries that ended failed, written straight into an endpoint's queue: what a long outage leaves behind.</summary>
public static class FailedRows
{
    /// <summary>
    /// Writes <paramref name="count"/> failed deliveries (<c>evt_{prefix}_{endpoint}_{n}</c>, type <paramref name="type"/>,
    /// data <c>{"n": n}</c>, one failed attempt each) for the endpoint, in queue order of n, created at <paramref name="createdAt"/>.
    /// </summary>
    public static Task InsertAsync(TestDatabase database, string accountId, string endpointId, string prefix, int count, string type,
        DateTimeOffset createdAt) =>
        database.ExecuteAsync("""
            with e as (
                insert into herald_events (account_id, event_id, event_type, body, endpoint_count, created_at)
                select @account, 'evt_' || @prefix || '_' || @endpoint || '_' || lpad(n::text, 6, '0'), @type,
                       convert_to('{"n":' || n || '}', 'UTF8'), 1, @created
                from generate_series(1, @count) n
                returning event_id)
            insert into herald_deliveries (delivery_id, endpoint_id, account_id, event_id, status, attempts, next_attempt_at, created_at)
            select 'dlv_' || event_id, @endpoint, @account, event_id, 'failed', 1, @created, @created from e order by event_id
            """, ("account", accountId), ("endpoint", endpointId), ("prefix", prefix), ("count", count), ("type", type), ("created", createdAt));
}
