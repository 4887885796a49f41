using Herald.Bench.Infrastructure;
using Herald.Grains.Storage;
using Npgsql;

namespace Herald.Bench.Pipe;

/// <summary>
/// The pipe server's writes, each through a group committer of Herald's (one writer, up to 512 waiting items per
/// transaction): accepted events with their delivery rows, and attempts with their deliveries' updates. A caller's
/// task completes once its batch committed.
/// </summary>
public sealed class PipeStore : IAsyncDisposable
{
    private const int MaxBatch = 512;

    private readonly NpgsqlDataSource _dataSource;
    private readonly GroupCommitter<EventRow, ValueTuple> _events;
    private readonly GroupCommitter<AttemptRow, ValueTuple> _attempts;

    public PipeStore(string connectionString)
    {
        _dataSource = NpgsqlDataSource.Create(connectionString);
        _events = new GroupCommitter<EventRow, ValueTuple>("pipe events", 1, MaxBatch, async rows =>
        {
            await using var connection = await _dataSource.OpenConnectionAsync();
            await using var transaction = await connection.BeginTransactionAsync();
            await BenchTables.InsertEventsAsync(connection, transaction, rows, DateTimeOffset.UtcNow);
            await transaction.CommitAsync();
            return new ValueTuple[rows.Count];
        });
        _attempts = new GroupCommitter<AttemptRow, ValueTuple>("pipe attempts", 1, MaxBatch, async rows =>
        {
            await using var connection = await _dataSource.OpenConnectionAsync();
            await BenchTables.RecordAttemptsAsync(connection, rows, DateTimeOffset.UtcNow);
            return new ValueTuple[rows.Count];
        });
    }

    public Task AcceptAsync(EventRow row) => _events.SubmitAsync(row);

    public Task RecordAsync(AttemptRow attempt) => _attempts.SubmitAsync(attempt);

    /// <summary>Up to <paramref name="limit"/> pending deliveries' events after <paramref name="after"/>, in delivery order.</summary>
    public async Task<IReadOnlyList<EventRow>> PendingAsync(string after, int limit)
    {
        await using var command = _dataSource.CreateCommand("""
            select e.event_id, e.event_type, e.body
            from bench_deliveries d join bench_events e on e.account_id = d.account_id and e.event_id = d.event_id
            where d.status = 'pending' and d.delivery_id > @after
            order by d.delivery_id limit @limit
            """);
        command.Parameters.AddWithValue("after", after);
        command.Parameters.AddWithValue("limit", limit);
        var rows = new List<EventRow>(limit);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(new EventRow(reader.GetString(0), reader.GetString(1), (byte[])reader.GetValue(2)));
        }
        return rows;
    }

    public async ValueTask DisposeAsync()
    {
        await _events.DisposeAsync();
        await _attempts.DisposeAsync();
        await _dataSource.DisposeAsync();
    }
}
