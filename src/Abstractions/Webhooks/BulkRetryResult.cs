namespace Herald.Abstractions.Webhooks;

/// <summary>
/// The answer to a bulk retry: accepted (written to the endpoint's state) with how many failed deliveries matched,
/// or refused because the endpoint already has <see cref="MaxPending"/> bulk retries under way.
/// </summary>
[GenerateSerializer, Immutable, Alias("herald.bulk-retry-result")]
public sealed record BulkRetryResult(
    [property: Id(0)] bool Accepted,
    [property: Id(1)] int Matched)
{
    /// <summary>Bulk retries one endpoint keeps at most, waiting or running.</summary>
    public const int MaxPending = 16;
}
