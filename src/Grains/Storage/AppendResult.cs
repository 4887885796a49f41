using Herald.Abstractions.Events;

namespace Herald.Grains.Storage;

/// <summary>A publish as committed: the answer for the publisher, and the deliveries it queued (none for a duplicate).</summary>
public sealed record AppendResult(PublishResult Result, IReadOnlyList<QueuedPlace> Queued);
