namespace Herald.Abstractions.Events;

/// <summary>
/// The event id and how many endpoints it was queued for; <see cref="Duplicate"/> when the id had been published
/// before. <see cref="FirstSeq"/> is the lowest queue place the commit gave any of its deliveries (0: none): the
/// endpoints are told it, so a drain knows where new work can start.
/// </summary>
[GenerateSerializer, Immutable, Alias("herald.publish-result")]
public sealed record PublishResult(
    [property: Id(0)] string EventId,
    [property: Id(1)] int Endpoints,
    [property: Id(2)] bool Duplicate,
    [property: Id(3)] long FirstSeq = 0);
