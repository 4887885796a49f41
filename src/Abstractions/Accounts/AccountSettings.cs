using Herald.Abstractions.Signatures;
using Herald.Abstractions.Webhooks;

namespace Herald.Abstractions.Accounts;

/// <summary>
/// An account's defaults for new webhooks and its delivery rules.
/// Serializer ids by area, so that features can be added side by side: 0–9 delivery, 10–19 signatures and payloads,
/// 20–29 catalog, sources and limits, 30–39 notifications, 40–49 retention.
/// </summary>
[GenerateSerializer, Immutable, Alias("herald.account-settings")]
public sealed record AccountSettings
{
    public static AccountSettings Default { get; } = new();

    [Id(0)] public RetryPolicy Retry { get; init; } = RetryPolicy.Default;
    [Id(1)] public int TimeoutSeconds { get; init; } = 10;
    [Id(2)] public ExhaustionAction OnExhausted { get; init; } = ExhaustionAction.Drop;
    [Id(3)] public int DisableAfter { get; init; } = 1;

    /// <summary>The signature profile of webhooks registered without one.</summary>
    [Id(10)] public SignatureProfile Signature { get; init; } = SignatureProfile.StandardWebhooks;

    /// <summary>Rewrite every published <c>payload</c> as <c>JSON.stringify(JSON.parse(payload))</c> would, at publish time.</summary>
    [Id(11)] public bool CanonicalJson { get; init; }

    /// <summary>Webhooks allowed per source; null takes the deployment's default (<c>Herald:Limits:MaxWebhooksPerSource</c>).</summary>
    [Id(20)] public int? MaxWebhooksPerSource { get; init; }

    /// <summary>Where Herald emails that a webhook was disabled by the failure rule (when SMTP is configured); null for nobody.</summary>
    [Id(30)] public string? NotifyEmail { get; init; }

    /// <summary>How long the account's events, deliveries and attempts are kept; null takes <c>Herald:Retention:Period</c>.</summary>
    [Id(40)] public TimeSpan? Retention { get; init; }
}
