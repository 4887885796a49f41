namespace Herald.Grains.Storage;

/// <summary>
/// The recovery sweep's query: endpoints whose earliest pending delivery fell due before <c>@due</c>, in endpoint
/// order after <c>@after</c>, at most <c>@limit</c>. Public so that its plan can be examined (tests, an operator's
/// <c>EXPLAIN</c>).
/// </summary>
public static class OverdueEndpointScan
{
    /// <summary>
    /// A loose index scan over <c>herald_deliveries_due_by_endpoint</c> (endpoint, next attempt; pending only): each
    /// step seeks the first entry past the previous endpoint, which is the next endpoint's earliest due delivery, so
    /// a step reads one index entry whatever that endpoint's backlog. The walk runs only until the limit is met; its
    /// output comes in walk order, i.e. endpoint order, so the last row is the next page's cursor.
    /// </summary>
    public const string Sql = """
        with recursive walk (endpoint_id, due) as (
            (select endpoint_id, next_attempt_at from herald_deliveries
             where status = 'pending' and endpoint_id > @after
             order by endpoint_id, next_attempt_at
             limit 1)
            union all
            select step.endpoint_id, step.next_attempt_at
            from walk cross join lateral (
                select endpoint_id, next_attempt_at from herald_deliveries
                where status = 'pending' and endpoint_id > walk.endpoint_id
                order by endpoint_id, next_attempt_at
                limit 1) step
        )
        select endpoint_id from walk where due < @due limit @limit
        """;
}
