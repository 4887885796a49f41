using Herald.Abstractions.Signatures;

namespace Herald.Abstractions.Webhooks;

/// <summary>What a webhook endpoint shows of itself; never carries its secret.</summary>
[GenerateSerializer, Immutable, Alias("herald.webhook-view")]
public sealed record WebhookView(
    [property: Id(0)] string Id,
    [property: Id(1)] string AccountId,
    [property: Id(2)] string Url,
    [property: Id(3)] IReadOnlyList<string> Events,
    [property: Id(4)] string? Source,
    [property: Id(5)] string? Description,
    [property: Id(6)] RetryPolicy Retry,
    [property: Id(7)] int TimeoutSeconds,
    [property: Id(8)] IReadOnlyDictionary<string, string> Headers,
    [property: Id(9)] WebhookStatus Status,
    [property: Id(10)] string? DisabledReason,
    [property: Id(11)] DateTimeOffset CreatedAt,
    [property: Id(12)] DeliveryOrdering Ordering,
    [property: Id(13)] int MaxInFlight,
    [property: Id(14)] int? RateLimit,
    [property: Id(15)] int ConsecutiveFailures)
{
    [Id(20)] public SignatureProfile Signature { get; init; } = SignatureProfile.StandardWebhooks;

    /// <summary>How many changes (<c>PATCH</c>) the settings have had: a change is applied only to the revision it was built on.</summary>
    [Id(21)] public long Revision { get; init; }
}
