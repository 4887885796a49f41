using Npgsql;

namespace Herald.Grains.Storage;

/// <summary>
/// The one query shape that reads deliveries with their event type and latest attempt, for the event detail, the
/// delivery list and the delivery detail. <c>{where}</c> takes the conditions on <c>d</c> (the delivery) and <c>e</c> (its event).
/// </summary>
internal static class DeliveryRows
{
    // The latest attempt comes from the attempt log by delivery (a handful of rows each). The event may have been purged
    // by retention a moment before its deliveries: the left join keeps the delivery, with the type its attempts logged.
    /// <param name="extraColumns">Columns read after those of <see cref="Read"/> (from index 11), each with its leading comma.</param>
    public static string Select(string extraColumns = "") => $"""
        select d.delivery_id, d.endpoint_id, d.event_id, coalesce(e.event_type, a.event_type, ''), d.status, d.attempts, d.created_at,
               case when d.status = 'pending' then d.next_attempt_at end, a.attempted_at, a.status_code, a.latency_ms{extraColumns}
        from herald_deliveries d
        left join herald_events e on e.account_id = d.account_id and e.event_id = d.event_id
        left join lateral (
            select l.attempted_at, l.status_code, l.latency_ms, l.event_type from herald_attempts l
            where l.delivery_id = d.delivery_id
            order by l.attempted_at desc, l.attempt_id desc
            limit 1) a on true
        where {"{where}"}
        """;

    public static DeliveryEntry Read(NpgsqlDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetInt32(5), r.GetFieldValue<DateTimeOffset>(6),
        r.IsDBNull(7) ? null : r.GetFieldValue<DateTimeOffset>(7),
        r.IsDBNull(8) ? null : r.GetFieldValue<DateTimeOffset>(8),
        r.IsDBNull(9) ? null : r.GetInt32(9),
        r.IsDBNull(10) ? null : r.GetInt32(10));
}
