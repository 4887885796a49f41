namespace Herald.Abstractions.Events;

/// <summary>An event ready to store: <see cref="Body"/> holds the exact bytes every endpoint will receive.</summary>
[GenerateSerializer, Immutable, Alias("herald.publish-command")]
public sealed record PublishCommand(
    [property: Id(0)] string EventId,
    [property: Id(1)] string Type,
    [property: Id(2)] string? Source,
    [property: Id(3)] byte[] Body,
    [property: Id(4)] DateTimeOffset Timestamp)
{
    /// <summary>The body is a publisher's <c>payload</c> (not Herald's envelope): the account may canonicalise it.</summary>
    [Id(10)] public bool IsPayload { get; init; }

    /// <summary>The largest body that may be stored and sent, checked on the bytes that will be sent; zero for no limit.</summary>
    [Id(11)] public int MaxBodyBytes { get; init; }
}
