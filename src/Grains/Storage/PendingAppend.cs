using Herald.Abstractions.Events;

namespace Herald.Grains.Storage;

/// <summary>One publish waiting for the next group commit.</summary>
internal sealed record PendingAppend(string AccountId, PublishCommand Command, IReadOnlyList<string> EndpointIds)
{
    public TaskCompletionSource<PublishResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
