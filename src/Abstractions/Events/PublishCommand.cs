namespace Herald.Abstractions.Events;

/// <summary>An event ready to store: <see cref="Body"/> holds the exact bytes every endpoint will receive.</summary>
[GenerateSerializer, Immutable, Alias("herald.publish-command")]
public sealed record PublishCommand(
    [property: Id(0)] string EventId,
    [property: Id(1)] string Type,
    [property: Id(2)] string? Source,
    [property: Id(3)] byte[] Body,
    [property: Id(4)] DateTimeOffset Timestamp);
