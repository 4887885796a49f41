namespace Herald.Abstractions.Webhooks;

/// <summary>The answer to a registration: the only place, with rotation, where the signing secret is shown.</summary>
[GenerateSerializer, Immutable, Alias("herald.created-webhook")]
public sealed record CreatedWebhook(
    [property: Id(0)] WebhookView Webhook,
    [property: Id(1)] string Secret)
{
    public override string ToString() => $"CreatedWebhook {{ Webhook = {Webhook.Id}, Secret = *** }}";
}
