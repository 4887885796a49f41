using Herald.Grains.Storage;

namespace Herald.Api.Events;

/// <summary>
/// Where an event stands at one webhook: its delivery's status (<c>pending</c>, <c>held</c> while the webhook is
/// disabled, <c>succeeded</c> or <c>failed</c>), attempts so far, the next try while pending, and the latest attempt.
/// </summary>
public sealed record EventDeliveryResponse(
    string Id,
    string WebhookId,
    string Status,
    int Attempts,
    DateTimeOffset? NextAttemptAt,
    DateTimeOffset? LastAttemptAt,
    int? LastStatusCode)
{
    public static EventDeliveryResponse From(DeliveryEntry d) =>
        new(d.DeliveryId, d.EndpointId, d.Status, d.Attempts, d.NextAttemptAt, d.LastAttemptAt, d.LastStatusCode);
}
