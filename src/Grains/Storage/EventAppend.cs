using Herald.Abstractions.Events;

namespace Herald.Grains.Storage;

/// <summary>
/// One publish, as <see cref="EventStore"/> group-commits it, with the book of places its publisher keeps;
/// <paramref name="Held"/> names the endpoints among <paramref name="EndpointIds"/> whose deliveries are queued held.
/// </summary>
internal sealed record EventAppend(
    string AccountId, PublishCommand Command, IReadOnlyList<string> EndpointIds, IReadOnlySet<string> Held, EndpointPlaces Places);
