namespace Herald.Client.Models;

/// <summary>One try of a delivery (<c>att_…</c>): <c>succeeded</c> or <c>failed</c>, with the receiver's answer.</summary>
public sealed record DeliveryAttempt : ApiObject
{
    public required string Id { get; init; }
    public string? DeliveryId { get; init; }
    public string? EventId { get; init; }
    public string? EventType { get; init; }
    public int Attempt { get; init; }
    public required string Status { get; init; }
    public int? StatusCode { get; init; }
    public int LatencyMs { get; init; }
    public string? Error { get; init; }
    public string? ResponseExcerpt { get; init; }
    public DateTimeOffset AttemptedAt { get; init; }
    public DateTimeOffset? NextAttemptAt { get; init; }
}
