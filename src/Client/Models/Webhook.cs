using System.Text.Json;
using System.Text.Json.Serialization;

namespace Herald.Client.Models;

/// <summary>A webhook; <see cref="Secret"/> (<c>whsec_…</c>) only in the answer to its creation.</summary>
public sealed record Webhook : ApiObject
{
    public required string Id { get; init; }
    public string? AccountId { get; init; }
    public required string Url { get; init; }
    public IReadOnlyList<string> Events { get; init; } = [];
    public string? Source { get; init; }
    public string? Description { get; init; }
    public JsonElement? Signature { get; init; }
    public JsonElement? Retry { get; init; }
    public int TimeoutSeconds { get; init; }
    public string? Ordering { get; init; }
    public int? MaxInFlight { get; init; }
    public int? RateLimit { get; init; }
    [Credential]
    public IReadOnlyDictionary<string, string>? Headers { get; init; }

    /// <summary><c>active</c> or <c>disabled</c>.</summary>
    public string? Status { get; init; }
    public string? DisabledReason { get; init; }
    public int ConsecutiveFailures { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    [Credential]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Secret { get; init; }

    /// <summary>The test delivery's outcome, when the webhook was created with <c>test: true</c>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public TestResult? Test { get; init; }
}
