using System.Threading.Channels;
using Herald.Abstractions.Storage;

namespace Herald.Grains.Storage;

/// <summary>
/// Group commit: items submitted while a batch is being written are written together by the next one, so the
/// database sees one commit per batch rather than one per item. Each caller's task completes only after its batch
/// committed, with its own result; a batch that fails fails every caller in it.
/// </summary>
/// <typeparam name="TItem">What a caller submits.</typeparam>
/// <typeparam name="TResult">What a caller gets back once its batch committed (<see cref="ValueTuple"/> for nothing).</typeparam>
public sealed class GroupCommitter<TItem, TResult> : IAsyncDisposable
{
    private readonly string _owner;
    private readonly int _maxBatch;
    private readonly Func<IReadOnlyList<TItem>, Task<IReadOnlyList<TResult>>> _writeBatch;
    private readonly Func<Func<TItem, bool>>? _newBatchRule;
    private readonly int _capacity;
    private readonly Channel<PendingItem<TItem, TResult>> _pending;
    private readonly Task[] _writers;
    private volatile bool _disposed;

    /// <param name="owner">Named by the <see cref="ObjectDisposedException"/> of a submit after disposal.</param>
    /// <param name="writers">How many batches may be written at once. Batches of different writers may commit in any order.</param>
    /// <param name="maxBatch">The most items in one batch.</param>
    /// <param name="writeBatch">Writes and commits a batch; answers one result per item, in the batch's order.</param>
    /// <param name="newBatchRule">
    /// Called as each batch starts, for the predicate that admits items to it. An item it refuses closes the batch
    /// early and is carried to the next batch of the same writer, which it opens (the first item of a batch is
    /// always taken, after the predicate has seen it). Null: every item is admitted until the batch is full.
    /// </param>
    /// <param name="capacity">
    /// The most items that may wait for a batch (those being written not counted); a submit beyond it is refused, so a
    /// database that cannot keep up makes callers wait and retry rather than this process hold ever more. Zero: no bound,
    /// for callers whose number is bounded otherwise.
    /// </param>
    public GroupCommitter(
        string owner,
        int writers,
        int maxBatch,
        Func<IReadOnlyList<TItem>, Task<IReadOnlyList<TResult>>> writeBatch,
        Func<Func<TItem, bool>>? newBatchRule = null,
        int capacity = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(writers, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBatch, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        _capacity = capacity;
        _pending = capacity > 0
            ? Channel.CreateBounded<PendingItem<TItem, TResult>>(new BoundedChannelOptions(capacity) { FullMode = BoundedChannelFullMode.Wait })
            : Channel.CreateUnbounded<PendingItem<TItem, TResult>>();
        _owner = owner;
        _maxBatch = maxBatch;
        _writeBatch = writeBatch;
        _newBatchRule = newBatchRule;
        _writers = Enumerable.Range(0, writers).Select(_ => Task.Run(WriteLoopAsync)).ToArray();
    }

    /// <summary>Queues the item for the next batch; the task completes once that batch committed.</summary>
    /// <exception cref="ObjectDisposedException">The committer was disposed.</exception>
    /// <exception cref="CommitQueueFullException">As many items as the capacity allows are waiting already.</exception>
    public Task<TResult> SubmitAsync(TItem item)
    {
        var pending = new PendingItem<TItem, TResult>(item);
        if (!_pending.Writer.TryWrite(pending))
        {
            throw _disposed ? new ObjectDisposedException(_owner) : new CommitQueueFullException(_owner, _capacity);
        }
        return pending.Completion.Task;
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<PendingItem<TItem, TResult>>(_maxBatch);
        PendingItem<TItem, TResult>? carried = null;
        while (carried is not null || await _pending.Reader.WaitToReadAsync())
        {
            var admits = _newBatchRule?.Invoke();
            if (carried is not null)
            {
                admits?.Invoke(carried.Item);
                batch.Add(carried);
                carried = null;
            }
            while (batch.Count < _maxBatch && _pending.Reader.TryRead(out var pending))
            {
                if (admits is not null && !admits(pending.Item))
                {
                    carried = pending;
                    break;
                }
                batch.Add(pending);
            }
            // An item wakes every idle writer; those that find the channel already drained have nothing to write.
            if (batch.Count == 0)
            {
                continue;
            }
            await CommitAsync(batch);
            batch.Clear();
        }
    }

    private async Task CommitAsync(List<PendingItem<TItem, TResult>> batch)
    {
        try
        {
            var results = await _writeBatch(batch.ConvertAll(p => p.Item));
            if (results.Count != batch.Count)
            {
                throw new InvalidOperationException($"{_owner} answered {results.Count} results for a batch of {batch.Count}.");
            }
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Completion.TrySetResult(results[i]);
            }
        }
        catch (Exception exception)
        {
            batch.ForEach(p => p.Completion.TrySetException(exception));
        }
    }

    /// <summary>Refuses new items, then waits until every item already submitted has been written.</summary>
    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        _pending.Writer.TryComplete();
        await Task.WhenAll(_writers);
    }
}
