using Npgsql;
using NpgsqlTypes;

namespace Herald.Grains.Storage;

/// <summary>
/// The one statement that records attempts, and so the one place that knows an attempt row's fields: it appends
/// the attempts to the log, writes the failure outbox rows of each attempt that ended its delivery failed or started or ended its failing streak, and moves
/// their deliveries on, all or nothing. <see cref="AttemptWriter"/> runs it for a group-committed batch,
/// <see cref="DeliveryQueue.RecordTestAsync"/> for a test send. The update moves a delivery once per statement, so the
/// attempts given must be of distinct deliveries. A delivery that was held (its endpoint disabled) while its attempt
/// was in flight stays held if the attempt asks for a retry: the retry waits for the endpoint to be enabled again.
/// </summary>
/// <remarks>
/// Idempotent: an endpoint whose record failed (or whose commit answer was lost) submits the same record again, with
/// the same attempt id. The log and the outbox keep the first row of an attempt id, and a delivery is never moved
/// back by an attempt older than the one it has recorded.
/// </remarks>
internal static class AttemptStatement
{
    // The attempts appended to the log: kept whatever else the statement writes.
    private const string Logged = """
        with logged as (
            insert into herald_attempts (attempt_id, delivery_id, endpoint_id, event_id, event_type, attempt, succeeded,
                                         status_code, latency_ms, error, response_excerpt, attempted_at, next_attempt_at,
                                         request_headers)
            select * from unnest(@attempt_ids, @deliveries, @endpoints, @events, @types, @attempts, @succeeded,
                                 @status_codes, @latencies, @errors, @excerpts, @attempted, @next, @request_headers)
            on conflict (attempt_id) do nothing
        )
        """;

    // The outbox rows, only in a batch that has some: even when it inserts nothing, this part cost PostgreSQL about a
    // fifth of the statement's CPU in a batch of 11 successes (docs/benchmarks.md, "Where the CPU goes").
    private const string Consequences = """
        , consequences as (
            insert into herald_failure_outbox (attempt_id, kind, endpoint_id, delivery_id, event_id, event_type, attempts, reason,
                                               status_code, error, failed_at)
            select f.attempt_id, k.kind, f.endpoint_id, f.delivery_id, f.event_id, f.event_type, f.attempts,
                   case when k.kind = 'failed' then f.reason end, f.status_code, f.error, f.failed_at
            from unnest(@attempt_ids, @endpoints, @deliveries, @events, @types, @attempts, @reasons, @streaks, @status_codes,
                        @errors, @attempted) as f(attempt_id, endpoint_id, delivery_id, event_id, event_type, attempts, reason,
                                                  streak, status_code, error, failed_at)
            cross join lateral (values ('failed', f.reason is not null), (f.streak, f.streak is not null)) as k(kind, wanted)
            where k.wanted
            on conflict (attempt_id, kind) do nothing
        )
        """;

    private const string Moved = """

        update herald_deliveries d
        set status = case when d.status = 'held' and u.status = 'pending' then 'held' else u.status end, attempts = u.attempt, next_attempt_at = coalesce(u.next, d.next_attempt_at), updated_at = u.attempted_at
        from unnest(@deliveries, @statuses, @attempts, @next, @attempted) as u(delivery_id, status, attempt, next, attempted_at)
        where d.delivery_id = u.delivery_id and d.attempts <= u.attempt
        """;

    private const string WithConsequences = Logged + Consequences + Moved;
    private const string WithoutConsequences = Logged + Moved;

    public static NpgsqlCommand Command(NpgsqlDataSource dataSource, IReadOnlyList<AttemptRecord> attempts)
    {
        var withConsequences = attempts.Any(a => a.HasConsequences);
        var command = dataSource.CreateCommand(withConsequences ? WithConsequences : WithoutConsequences);
        Bind(command.Parameters, attempts, withConsequences);
        return command;
    }

    public static NpgsqlBatchCommand BatchCommand(IReadOnlyList<AttemptRecord> attempts)
    {
        var withConsequences = attempts.Any(a => a.HasConsequences);
        var command = new NpgsqlBatchCommand(withConsequences ? WithConsequences : WithoutConsequences);
        Bind(command.Parameters, attempts, withConsequences);
        return command;
    }

    // The outbox part, and its two parameters, only when some attempt of the batch has consequences.
    private static void Bind(NpgsqlParameterCollection p, IReadOnlyList<AttemptRecord> rows, bool withConsequences)
    {
        p.Add(ArrayParameter.Text("attempt_ids", rows.Select(r => r.AttemptId)));
        p.Add(ArrayParameter.Text("deliveries", rows.Select(r => r.DeliveryId)));
        p.Add(ArrayParameter.Text("endpoints", rows.Select(r => r.EndpointId)));
        p.Add(ArrayParameter.Text("events", rows.Select(r => r.EventId)));
        p.Add(ArrayParameter.Text("types", rows.Select(r => r.EventType)));
        p.Add(ArrayParameter.Of("attempts", NpgsqlDbType.Integer, rows.Select(r => r.Attempt)));
        p.Add(ArrayParameter.Of("succeeded", NpgsqlDbType.Boolean, rows.Select(r => r.Succeeded)));
        p.Add(ArrayParameter.Of("status_codes", NpgsqlDbType.Integer, rows.Select(r => r.StatusCode)));
        p.Add(ArrayParameter.Of("latencies", NpgsqlDbType.Integer, rows.Select(r => r.LatencyMs)));
        p.Add(ArrayParameter.Text("errors", rows.Select(r => r.Error)));
        p.Add(ArrayParameter.Text("excerpts", rows.Select(r => r.ResponseExcerpt)));
        p.Add(ArrayParameter.Text("request_headers", rows.Select(r => r.RequestHeaders)));
        p.Add(ArrayParameter.Of("attempted", NpgsqlDbType.TimestampTz, rows.Select(r => r.AttemptedAt.UtcDateTime)));
        p.Add(ArrayParameter.Of("next", NpgsqlDbType.TimestampTz, rows.Select(r => r.NextAttemptAt?.UtcDateTime)));
        p.Add(ArrayParameter.Text("statuses", rows.Select(r => r.DeliveryStatus)));
        if (withConsequences)
        {
            p.Add(ArrayParameter.Text("reasons", rows.Select(r => r.FailureReason)));
            p.Add(ArrayParameter.Text("streaks", rows.Select(r => r.StreakEvent)));
        }
    }
}
