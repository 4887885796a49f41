using Herald.Abstractions.Events;

namespace Herald.Grains.Storage;

/// <summary>One publish, as <see cref="EventStore"/> group-commits it, with the book of places its publisher keeps.</summary>
internal sealed record EventAppend(string AccountId, PublishCommand Command, IReadOnlyList<string> EndpointIds, EndpointPlaces Places);
