namespace Herald.Grains.Storage;

/// <summary>One attempt waiting for the next group commit of the attempt log.</summary>
internal sealed record PendingAttempt(AttemptRecord Attempt)
{
    public TaskCompletionSource Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
