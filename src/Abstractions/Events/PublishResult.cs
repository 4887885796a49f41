namespace Herald.Abstractions.Events;

/// <summary>
/// The event id and how many endpoints it was queued for; <see cref="Duplicate"/> when the id had been published
/// before.
/// </summary>
/// <remarks>Id 3 held the lowest queue place of the publish's deliveries, which endpoints now receive in their notice; it is not reused.</remarks>
[GenerateSerializer, Immutable, Alias("herald.publish-result")]
public sealed record PublishResult(
    [property: Id(0)] string EventId,
    [property: Id(1)] int Endpoints,
    [property: Id(2)] bool Duplicate);
