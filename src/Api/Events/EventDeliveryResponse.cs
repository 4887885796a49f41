namespace Herald.Api.Events;

/// <summary>A delivery's status: <c>pending</c>, <c>held</c> (its webhook is disabled), <c>succeeded</c> or <c>failed</c>.</summary>
public sealed record EventDeliveryResponse(
    string WebhookId,
    string DeliveryId,
    string Status,
    int Attempts,
    DateTimeOffset? NextAttemptAt,
    DateTimeOffset UpdatedAt);
