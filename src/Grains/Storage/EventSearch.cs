using Npgsql;

namespace Herald.Grains.Storage;

/// <summary>Searches an account's events by type, source and time, newest first, a page at a time.</summary>
public sealed class EventSearch(NpgsqlDataSource dataSource)
{
    public Task<(IReadOnlyList<EventSummary> Page, string? NextCursor)> ListAsync(EventQuery query, CancellationToken cancellationToken = default) =>
        KeysetPage.ReadAsync(Command(query), query.Limit,
            r => new EventSummary(r.GetString(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.GetInt32(3),
                r.GetFieldValue<DateTimeOffset>(4)),
            e => new KeysetCursor(e.CreatedAt, e.EventId), cancellationToken);

    internal NpgsqlCommand Command(EventQuery query)
    {
        var conditions = new SqlConditions().Add("account_id = @account", "account", query.AccountId);
        TypeFilter.Apply(conditions, "event_type", query.Type);
        conditions.AddIf(query.Source, "source = @source", "source")
            .Window("created_at", "event_id", query.Since, query.Until, query.Cursor)
            .Parameter("limit", query.Limit + 1);
        return conditions.Command(dataSource, """
            select event_id, event_type, source, endpoint_count, created_at
            from herald_events
            where {where}
            order by created_at desc, event_id desc
            limit @limit
            """);
    }
}
