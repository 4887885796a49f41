namespace Herald.Abstractions.Webhooks;

/// <summary>The part of an endpoint its account needs to route a publish without asking the endpoint.</summary>
[GenerateSerializer, Immutable, Alias("herald.endpoint-filter")]
public sealed record EndpointFilter(
    [property: Id(0)] string EndpointId,
    [property: Id(1)] IReadOnlyList<string> Events,
    [property: Id(2)] string? Source);
