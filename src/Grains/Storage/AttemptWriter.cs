using System.Threading.Channels;
using Npgsql;
using NpgsqlTypes;

namespace Herald.Grains.Storage;

/// <summary>
/// Records attempts with group commit: attempts that finish while a commit is under way are written together by the
/// next one, as one statement that appends them to the attempt log and moves their deliveries on, so the database
/// sees one commit per batch rather than one per delivery. Each caller's task completes only after its batch
/// committed, so an endpoint still moves on only once its attempt is durable.
/// </summary>
public sealed class AttemptWriter : IAsyncDisposable
{
    private const int MaxBatch = 512;
    private const int Writers = 4;

    private readonly NpgsqlDataSource _dataSource;
    private readonly Channel<PendingAttempt> _pending = Channel.CreateUnbounded<PendingAttempt>();
    private readonly Task[] _writers;

    public AttemptWriter(NpgsqlDataSource dataSource)
    {
        _dataSource = dataSource;
        _writers = Enumerable.Range(0, Writers).Select(_ => Task.Run(WriteLoopAsync)).ToArray();
    }

    public Task WriteAsync(AttemptRecord attempt)
    {
        var pending = new PendingAttempt(attempt);
        if (!_pending.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(AttemptWriter));
        }
        return pending.Completion.Task;
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<PendingAttempt>(MaxBatch);
        var deliveries = new HashSet<string>();
        PendingAttempt? carried = null;
        while (carried is not null || await _pending.Reader.WaitToReadAsync())
        {
            if (carried is not null)
            {
                batch.Add(carried);
                deliveries.Add(carried.Attempt.DeliveryId);
                carried = null;
            }
            while (batch.Count < MaxBatch && _pending.Reader.TryRead(out var pending))
            {
                // One row per delivery per statement: a second attempt of the same delivery waits for the next batch.
                if (!deliveries.Add(pending.Attempt.DeliveryId))
                {
                    carried = pending;
                    break;
                }
                batch.Add(pending);
            }
            try
            {
                await WriteBatchAsync(batch);
                batch.ForEach(p => p.Completion.TrySetResult());
            }
            catch (Exception exception)
            {
                batch.ForEach(p => p.Completion.TrySetException(exception));
            }
            batch.Clear();
            deliveries.Clear();
        }
    }

    private async Task WriteBatchAsync(List<PendingAttempt> batch)
    {
        var rows = batch.Select(p => p.Attempt).ToList();
        await using var command = _dataSource.CreateCommand("""
            with logged as (
                insert into herald_attempts (attempt_id, delivery_id, endpoint_id, event_id, event_type, attempt, succeeded,
                                             status_code, latency_ms, error, response_excerpt, attempted_at, next_attempt_at)
                select * from unnest(@attempt_ids, @deliveries, @endpoints, @events, @types, @attempts, @succeeded,
                                     @status_codes, @latencies, @errors, @excerpts, @attempted, @next)
            )
            update herald_deliveries d
            set status = u.status, attempts = u.attempt, next_attempt_at = coalesce(u.next, d.next_attempt_at), updated_at = u.attempted_at
            from unnest(@deliveries, @statuses, @attempts, @next, @attempted) as u(delivery_id, status, attempt, next, attempted_at)
            where d.delivery_id = u.delivery_id
            """);
        var p = command.Parameters;
        p.Add(Array("attempt_ids", NpgsqlDbType.Text, rows.Select(r => r.AttemptId)));
        p.Add(Array("deliveries", NpgsqlDbType.Text, rows.Select(r => r.DeliveryId)));
        p.Add(Array("endpoints", NpgsqlDbType.Text, rows.Select(r => r.EndpointId)));
        p.Add(Array("events", NpgsqlDbType.Text, rows.Select(r => r.EventId)));
        p.Add(Array("types", NpgsqlDbType.Text, rows.Select(r => r.EventType)));
        p.Add(Array("attempts", NpgsqlDbType.Integer, rows.Select(r => r.Attempt)));
        p.Add(Array("succeeded", NpgsqlDbType.Boolean, rows.Select(r => r.Succeeded)));
        p.Add(Array("status_codes", NpgsqlDbType.Integer, rows.Select(r => r.StatusCode)));
        p.Add(Array("latencies", NpgsqlDbType.Integer, rows.Select(r => r.LatencyMs)));
        p.Add(Array("errors", NpgsqlDbType.Text, rows.Select(r => r.Error)));
        p.Add(Array("excerpts", NpgsqlDbType.Text, rows.Select(r => r.ResponseExcerpt)));
        p.Add(Array("attempted", NpgsqlDbType.TimestampTz, rows.Select(r => r.AttemptedAt.UtcDateTime)));
        p.Add(Array("next", NpgsqlDbType.TimestampTz, rows.Select(r => r.NextAttemptAt?.UtcDateTime)));
        p.Add(Array("statuses", NpgsqlDbType.Text, rows.Select(r => r.DeliveryStatus)));
        await command.ExecuteNonQueryAsync();
    }

    private static NpgsqlParameter Array<T>(string name, NpgsqlDbType type, IEnumerable<T> values) =>
        new(name, NpgsqlDbType.Array | type) { Value = values.ToArray() };

    public async ValueTask DisposeAsync()
    {
        _pending.Writer.TryComplete();
        await Task.WhenAll(_writers);
    }
}
