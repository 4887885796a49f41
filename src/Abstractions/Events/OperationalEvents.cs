namespace Herald.Abstractions.Events;

/// <summary>
/// Events Herald publishes into an account about its own webhooks. They reach webhooks that name them (exactly or
/// by a prefix such as <c>webhook.*</c>), never through the catch-all <c>*</c>, and a failed delivery of one never
/// produces another, so a broken endpoint cannot feed itself.
/// </summary>
public static class OperationalEvents
{
    public const string WebhookDisabled = "webhook.disabled";
    public const string DeliveryExhausted = "delivery.exhausted";

    /// <summary>Sent to one endpoint by <c>POST /v1/webhooks/{id}/test</c>; never published to an account.</summary>
    public const string WebhookTest = "webhook.test";

    public static bool IsOperational(string eventType) => eventType is WebhookDisabled or DeliveryExhausted;
}
