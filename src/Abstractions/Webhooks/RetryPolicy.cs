namespace Herald.Abstractions.Webhooks;

/// <summary>
/// When to try a failed delivery again: an explicit <see cref="Schedule"/> of delays before each retry
/// (n entries allow n + 1 attempts) or an <see cref="Exponential"/> backoff.
/// </summary>
[GenerateSerializer, Immutable, Alias("herald.retry-policy")]
public sealed record RetryPolicy(
    [property: Id(0)] IReadOnlyList<TimeSpan>? Schedule,
    [property: Id(1)] ExponentialBackoff? Exponential,
    [property: Id(2)] bool RetryClientErrors)
{
    /// <summary>The default: 1m, 5m, 30m, 2h, 12h — six attempts spread over about 15 hours.</summary>
    public static RetryPolicy Default { get; } = new(
        new[] { TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2), TimeSpan.FromHours(12) },
        null,
        false);
}
