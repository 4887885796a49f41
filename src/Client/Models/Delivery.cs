namespace Herald.Client.Models;

/// <summary>One event's delivery to one webhook (<c>dlv_…</c>): <c>pending</c>, <c>held</c>, <c>succeeded</c> or <c>failed</c>.</summary>
public sealed record Delivery : ApiObject
{
    public required string Id { get; init; }
    public string? EventId { get; init; }
    public string? EventType { get; init; }
    public required string Status { get; init; }
    public int Attempts { get; init; }
    public DateTimeOffset? CreatedAt { get; init; }
    public DateTimeOffset? NextAttemptAt { get; init; }
    public DateTimeOffset? LastAttemptAt { get; init; }
    public int? LastStatusCode { get; init; }
    public int? LastLatencyMs { get; init; }
}
