namespace Herald.Tests.Storage;

/// <summary>A batch that <see cref="HeldBatches"/> holds: its items, and the gate that commits or fails it.</summary>
public sealed record HeldBatch(string[] Items)
{
    public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
