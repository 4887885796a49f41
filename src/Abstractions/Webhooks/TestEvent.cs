namespace Herald.Abstractions.Webhooks;

/// <summary>What a test send carries: an event type and its <c>data</c> as JSON bytes (a test ping when both are null).</summary>
[GenerateSerializer, Immutable, Alias("herald.test-event")]
public sealed record TestEvent(
    [property: Id(0)] string? Type,
    [property: Id(1)] byte[]? Data)
{
    public static TestEvent Ping { get; } = new(null, null);
}
