using System.Threading.Channels;

namespace Herald.Tests.Storage;

/// <summary>
/// A batch writer for <see cref="Herald.Grains.Storage.GroupCommitter{TItem, TResult}"/> tests: it holds every batch
/// until the test releases it (or fails it), so a test decides when each commit happens. A batch's results are its
/// items in upper case.
/// </summary>
public sealed class HeldBatches
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    private readonly Channel<HeldBatch> _started = Channel.CreateUnbounded<HeldBatch>();

    /// <summary>Batches that started and were not yet taken by <see cref="NextAsync"/>.</summary>
    public int Waiting => _started.Reader.Count;

    public async Task<IReadOnlyList<string>> WriteAsync(IReadOnlyList<string> batch)
    {
        var held = new HeldBatch([.. batch]);
        _started.Writer.TryWrite(held);
        // A batch the test never releases (it failed before it could) fails after the deadline, so disposing the
        // committer still ends.
        await held.Release.Task.WaitAsync(Deadline);
        return batch.Select(item => item.ToUpperInvariant()).ToList();
    }

    /// <summary>The next batch the committer started to write.</summary>
    public Task<HeldBatch> NextAsync() => _started.Reader.ReadAsync().AsTask().WaitAsync(Deadline);
}
