using Herald.Abstractions.Signatures;

namespace Herald.Abstractions.Webhooks;

/// <summary>
/// A validated registration of a webhook endpoint, or for a change the whole registration it leads to;
/// <see cref="Secret"/> is null when Herald must generate one (and always in a change, which keeps the secret).
/// </summary>
[GenerateSerializer, Immutable, Alias("herald.webhook-spec")]
public sealed record WebhookSpec(
    [property: Id(0)] string Url,
    [property: Id(1)] IReadOnlyList<string> Events,
    [property: Id(2)] string? Source,
    [property: Id(3)] string? Description,
    [property: Id(4)] string? Secret,
    [property: Id(5)] RetryPolicy? Retry,
    [property: Id(6)] int? TimeoutSeconds,
    [property: Id(7)] IReadOnlyDictionary<string, string> Headers,
    [property: Id(8)] DeliveryOrdering Ordering = DeliveryOrdering.Strict,
    [property: Id(9)] int MaxInFlight = 1,
    [property: Id(10)] int? RateLimit = null)
{
    /// <summary>The signature profile; null takes the account's default.</summary>
    [Id(20)] public SignatureProfile? Signature { get; init; }

    // The secret is never written to logs, whoever prints the spec.
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append($"Url = {Url}, Events = [{string.Join(", ", Events)}], Source = {Source}, Secret = ");
        builder.Append(Secret is null ? "(generated)" : "***");
        builder.Append($", Signature = {Signature?.Scheme}");
        return true;
    }
}
