namespace Herald.Abstractions.Events;

/// <summary>
/// Events Herald publishes into an account about its own webhooks. They reach webhooks that name them (exactly or
/// by a prefix such as <c>webhook.*</c>), never through the catch-all <c>*</c>, and a failed delivery of one never
/// produces another, so a broken endpoint cannot feed itself.
/// </summary>
public static class OperationalEvents
{
    public const string WebhookCreated = "webhook.created";
    public const string WebhookUpdated = "webhook.updated";
    public const string WebhookDeleted = "webhook.deleted";
    public const string WebhookEnabled = "webhook.enabled";
    public const string WebhookDisabled = "webhook.disabled";
    public const string SecretRotated = "secret.rotated";
    public const string DeliveryFailing = "delivery.failing";
    public const string DeliveryRecovered = "delivery.recovered";
    public const string DeliveryExhausted = "delivery.exhausted";

    /// <summary>Sent to one endpoint by <c>POST /v1/webhooks/{id}/test</c> without a type; never published to an account.</summary>
    public const string WebhookTest = "webhook.test";

    /// <summary>The built-in types: always known to the catalog, whatever it lists.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        WebhookCreated, WebhookUpdated, WebhookDeleted, WebhookEnabled, WebhookDisabled, SecretRotated,
        DeliveryFailing, DeliveryRecovered, DeliveryExhausted,
    ];

    public static bool IsOperational(string eventType) => All.Contains(eventType);
}
