namespace Herald.Abstractions.Webhooks;

/// <summary>Delay before retry k (k = 1, 2, …) is <c>Base × Factor^(k-1)</c>; <see cref="MaxAttempts"/> counts the first attempt.</summary>
[GenerateSerializer, Immutable, Alias("herald.exponential-backoff")]
public sealed record ExponentialBackoff(
    [property: Id(0)] TimeSpan Base,
    [property: Id(1)] double Factor,
    [property: Id(2)] int MaxAttempts);
