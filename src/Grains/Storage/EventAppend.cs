using Herald.Abstractions.Events;

namespace Herald.Grains.Storage;

/// <summary>One publish, as <see cref="EventStore"/> group-commits it.</summary>
internal sealed record EventAppend(string AccountId, PublishCommand Command, IReadOnlyList<string> EndpointIds);
