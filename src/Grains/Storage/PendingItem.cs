namespace Herald.Grains.Storage;

/// <summary>One item waiting for the next group commit, with the task its caller awaits.</summary>
internal sealed record PendingItem<TItem, TResult>(TItem Item)
{
    // Asynchronous continuations: completing a batch must not run its callers' code on the writer task, or one
    // slow caller would hold back every later batch.
    public TaskCompletionSource<TResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
