using System.Text.Json.Nodes;

namespace Herald.Client.Models;

/// <summary>
/// A change to a webhook (<c>PATCH</c>): a null field keeps its value. To clear a field (a description, a source), send a
/// <see cref="JsonObject"/> with that field set to null instead.
/// </summary>
public sealed record WebhookUpdate
{
    public string? Url { get; init; }
    public IReadOnlyList<string>? Events { get; init; }
    public string? Source { get; init; }
    public string? Description { get; init; }
    public JsonObject? Signature { get; init; }
    public JsonObject? Retry { get; init; }
    public int? TimeoutSeconds { get; init; }
    public string? Ordering { get; init; }
    public int? MaxInFlight { get; init; }
    public int? RateLimit { get; init; }
    public IReadOnlyDictionary<string, string>? Headers { get; init; }
}
