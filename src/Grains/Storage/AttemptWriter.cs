using Npgsql;

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
    // One writer: attempts that finish while a commit runs wait for the next, which takes them all. Measured with
    // scripts/bench.sh (docs/benchmarks.md): four writers committed a strict endpoint's trickle of attempts almost one
    // row at a time, costing PostgreSQL 40% more CPU per delivery for no higher rate.
    private const int Writers = 1;

    private readonly NpgsqlDataSource _dataSource;
    private readonly GroupCommitter<AttemptRecord, ValueTuple> _committer;

    public AttemptWriter(NpgsqlDataSource dataSource)
    {
        _dataSource = dataSource;
        _committer = new GroupCommitter<AttemptRecord, ValueTuple>(nameof(AttemptWriter), Writers, MaxBatch, WriteBatchAsync, OneAttemptPerDelivery);
    }

    public Task WriteAsync(AttemptRecord attempt) => _committer.SubmitAsync(attempt);

    // One row per delivery per statement: a second attempt of the same delivery waits for the next batch.
    private static Func<AttemptRecord, bool> OneAttemptPerDelivery()
    {
        var deliveries = new HashSet<string>();
        return attempt => deliveries.Add(attempt.DeliveryId);
    }

    private async Task<IReadOnlyList<ValueTuple>> WriteBatchAsync(IReadOnlyList<AttemptRecord> batch)
    {
        await using var command = AttemptStatement.Command(_dataSource, batch);
        await command.ExecuteNonQueryAsync();
        return new ValueTuple[batch.Count];
    }

    public ValueTask DisposeAsync() => _committer.DisposeAsync();
}
