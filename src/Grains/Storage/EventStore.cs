using Herald.Abstractions.Events;
using Herald.Abstractions.Ids;
using Herald.Grains.Delivery;
using Herald.Grains.Telemetry;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace Herald.Grains.Storage;

/// <summary>
/// Stores published events and their fan-out with group commit: publishes that arrive while a commit is under way
/// are written together by the next one, in one transaction of two batched statements, so the database sees one
/// commit per batch rather than one per publish. Each caller's task completes only after its batch committed.
/// </summary>
public sealed class EventStore : IAsyncDisposable
{
    private const int MaxBatch = 512;

    // One writer: queue order is the seq assigned at insert, so batches must commit in the order they insert.
    // Two writers could commit a later batch first, and a strict endpoint woken by it would overtake the earlier
    // one. An account's publishes all pass through its one AccountGrain, hence through one silo's writer.
    private const int Writers = 1;

    private readonly NpgsqlDataSource _dataSource;
    private readonly GroupCommitter<EventAppend, AppendResult> _committer;

    public EventStore(NpgsqlDataSource dataSource, IOptions<StorageOptions> options)
    {
        _dataSource = dataSource;
        _committer = new GroupCommitter<EventAppend, AppendResult>(nameof(EventStore), Writers, MaxBatch, WriteBatchAsync,
            capacity: options.Value.MaxQueuedPublishes);
    }

    /// <summary>
    /// Commits the event and one delivery per endpoint (held for the endpoints in <paramref name="held"/>, pending for the
    /// others), and answers each delivery's queue place with the place
    /// of the delivery <paramref name="places"/> knew before it for the same endpoint (then advances the book); when the
    /// event id is already stored for the account, changes nothing and answers with the first publish's result.
    /// </summary>
    /// <exception cref="Herald.Abstractions.Storage.CommitQueueFullException">Too many publishes wait for PostgreSQL already.</exception>
    public Task<AppendResult> AppendAsync(
        string accountId, PublishCommand command, IReadOnlyList<string> endpointIds, IReadOnlySet<string> held, EndpointPlaces places) =>
        _committer.SubmitAsync(new EventAppend(accountId, command, endpointIds, held, places));

    private async Task<IReadOnlyList<AppendResult>> WriteBatchAsync(IReadOnlyList<EventAppend> batch)
    {
        try
        {
            return await CommitBatchAsync(batch);
        }
        catch
        {
            // Whether the batch committed is not known: its deliveries may exist with no notice ever sent. Their places
            // are forgotten, so the next notice to each of these endpoints names no previous place and sends the
            // endpoint to its queue, where it finds them.
            foreach (var append in batch)
            {
                foreach (var endpointId in append.EndpointIds)
                {
                    append.Places.Forget(endpointId);
                }
            }
            throw;
        }
    }

    private async Task<IReadOnlyList<AppendResult>> CommitBatchAsync(IReadOnlyList<EventAppend> batch)
    {
        await using var connection = await _dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();

        var inserted = await InsertEventsAsync(connection, transaction, batch);
        // Only the first append of each new key fans out; a repeat inside the batch is a duplicate like any other.
        var winners = new List<EventAppend>();
        var winnerOf = new int[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            winnerOf[i] = -1;
            if (inserted.Remove((batch[i].AccountId, batch[i].Command.EventId)))
            {
                winnerOf[i] = winners.Count;
                winners.Add(batch[i]);
            }
        }
        var rows = await InsertDeliveriesAsync(connection, transaction, winners);
        await transaction.CommitAsync();
        HeraldMetrics.RecordPublished(winners.Count, winners.Sum(w => w.EndpointIds.Count));

        // Committed: each endpoint's places advance in queue order, which is this writer's commit order.
        var queued = winners.ConvertAll(_ => new List<QueuedPlace>());
        foreach (var row in rows.OrderBy(r => r.Seq))
        {
            var append = winners[row.Winner];
            queued[row.Winner].Add(new QueuedPlace(
                row.EndpointId, row.DeliveryId, row.Seq, append.Places.Advance(row.EndpointId, row.Seq), append.Held.Contains(row.EndpointId)));
        }

        var results = new AppendResult?[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            if (winnerOf[i] >= 0)
            {
                results[i] = new AppendResult(new PublishResult(batch[i].Command.EventId, batch[i].EndpointIds.Count, Duplicate: false), queued[winnerOf[i]]);
            }
        }
        var duplicates = batch.Where((_, i) => results[i] is null).ToList();
        if (duplicates.Count > 0)
        {
            var counts = await ReadEndpointCountsAsync(duplicates);
            for (var i = 0; i < batch.Count; i++)
            {
                results[i] ??= new AppendResult(
                    new PublishResult(batch[i].Command.EventId, counts[(batch[i].AccountId, batch[i].Command.EventId)], Duplicate: true), []);
            }
        }
        return results!;
    }

    private static async Task<HashSet<(string, string)>> InsertEventsAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<EventAppend> batch)
    {
        await using var command = new NpgsqlCommand("""
            insert into herald_events (account_id, event_id, event_type, source, body, endpoint_count, created_at)
            select * from unnest(@accounts, @events, @types, @sources, @bodies, @counts, @created)
            on conflict (account_id, event_id) do nothing
            returning account_id, event_id
            """, connection, transaction);
        command.Parameters.Add(ArrayParameter.Text("accounts", batch.Select(a => a.AccountId)));
        command.Parameters.Add(ArrayParameter.Text("events", batch.Select(a => a.Command.EventId)));
        command.Parameters.Add(ArrayParameter.Text("types", batch.Select(a => a.Command.Type)));
        command.Parameters.Add(ArrayParameter.Text("sources", batch.Select(a => a.Command.Source)));
        command.Parameters.Add(ArrayParameter.Of("bodies", NpgsqlDbType.Bytea, batch.Select(a => a.Command.Body)));
        command.Parameters.Add(ArrayParameter.Of("counts", NpgsqlDbType.Integer, batch.Select(a => a.EndpointIds.Count)));
        command.Parameters.Add(ArrayParameter.Of("created", NpgsqlDbType.TimestampTz, batch.Select(a => a.Command.Timestamp.UtcDateTime)));
        var inserted = new HashSet<(string, string)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            inserted.Add((reader.GetString(0), reader.GetString(1)));
        }
        return inserted;
    }

    /// <summary>Queues the deliveries; answers each one's winner (index into <paramref name="winners"/>), endpoint, id and queue place.</summary>
    private static async Task<List<(int Winner, string EndpointId, string DeliveryId, long Seq)>> InsertDeliveriesAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, List<EventAppend> winners)
    {
        var rows = new List<(int Winner, string EndpointId, string DeliveryId, long Seq)>();
        for (var w = 0; w < winners.Count; w++)
        {
            rows.AddRange(winners[w].EndpointIds.Select(endpointId => (w, endpointId, HeraldId.New("dlv"), 0L)));
        }
        if (rows.Count == 0)
        {
            return rows;
        }
        await using var command = new NpgsqlCommand("""
            insert into herald_deliveries (delivery_id, endpoint_id, account_id, event_id, next_attempt_at, status)
            select * from unnest(@deliveries, @endpoints, @accounts, @events, @due, @statuses)
            returning delivery_id, seq
            """, connection, transaction);
        command.Parameters.Add(ArrayParameter.Text("deliveries", rows.Select(r => r.DeliveryId)));
        command.Parameters.Add(ArrayParameter.Text("endpoints", rows.Select(r => r.EndpointId)));
        command.Parameters.Add(ArrayParameter.Text("accounts", rows.Select(r => winners[r.Winner].AccountId)));
        command.Parameters.Add(ArrayParameter.Text("events", rows.Select(r => winners[r.Winner].Command.EventId)));
        command.Parameters.Add(ArrayParameter.Of("due", NpgsqlDbType.TimestampTz, rows.Select(r => winners[r.Winner].Command.Timestamp.UtcDateTime)));
        command.Parameters.Add(ArrayParameter.Text("statuses",
            rows.Select(r => winners[r.Winner].Held.Contains(r.EndpointId) ? DeliveryStatuses.Held : DeliveryStatuses.Pending)));
        var seqs = new Dictionary<string, long>(rows.Count);
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                seqs[reader.GetString(0)] = reader.GetInt64(1);
            }
        }
        return rows.ConvertAll(r => r with { Seq = seqs[r.DeliveryId] });
    }

    private async Task<Dictionary<(string, string), int>> ReadEndpointCountsAsync(List<EventAppend> duplicates)
    {
        await using var command = _dataSource.CreateCommand("""
            select e.account_id, e.event_id, e.endpoint_count
            from herald_events e join unnest(@accounts, @events) as k(account_id, event_id) using (account_id, event_id)
            """);
        command.Parameters.Add(ArrayParameter.Text("accounts", duplicates.Select(a => a.AccountId)));
        command.Parameters.Add(ArrayParameter.Text("events", duplicates.Select(a => a.Command.EventId)));
        var counts = new Dictionary<(string, string), int>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            counts[(reader.GetString(0), reader.GetString(1))] = reader.GetInt32(2);
        }
        return counts;
    }

    public ValueTask DisposeAsync() => _committer.DisposeAsync();
}
