namespace Herald.Client.Models;

/// <summary>The outcome of a test delivery, sent at once.</summary>
public sealed record TestResult : ApiObject
{
    public string? EventId { get; init; }
    public string? EventType { get; init; }
    public string? DeliveryId { get; init; }
    public bool Succeeded { get; init; }
    public int? StatusCode { get; init; }
    public int LatencyMs { get; init; }
    public string? Error { get; init; }
    public string? ResponseExcerpt { get; init; }
}
