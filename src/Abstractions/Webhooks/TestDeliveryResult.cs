namespace Herald.Abstractions.Webhooks;

/// <summary>The outcome of a test event sent straight to an endpoint.</summary>
[GenerateSerializer, Immutable, Alias("herald.test-delivery-result")]
public sealed record TestDeliveryResult(
    [property: Id(0)] string EventId,
    [property: Id(1)] string DeliveryId,
    [property: Id(2)] bool Succeeded,
    [property: Id(3)] int? StatusCode,
    [property: Id(4)] int LatencyMs,
    [property: Id(5)] string? Error,
    [property: Id(6)] string? ResponseExcerpt)
{
    /// <summary>The type the test event was sent as (<c>webhook.test</c> unless the caller named one).</summary>
    [Id(7)] public string EventType { get; init; } = "webhook.test";
}
