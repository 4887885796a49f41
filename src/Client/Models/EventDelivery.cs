namespace Herald.Client.Models;

/// <summary>Where an event stands at one webhook: <c>pending</c>, <c>held</c>, <c>succeeded</c> or <c>failed</c>.</summary>
public sealed record EventDelivery : ApiObject
{
    public string? Id { get; init; }
    public string? DeliveryId { get; init; }
    public required string WebhookId { get; init; }
    public required string Status { get; init; }
    public int Attempts { get; init; }
    public DateTimeOffset? NextAttemptAt { get; init; }
    public DateTimeOffset? LastAttemptAt { get; init; }
    public int? LastStatusCode { get; init; }
}
