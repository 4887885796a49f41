using System.Text.Json.Nodes;

namespace Herald.Client.Models;

/// <summary>
/// The settings a webhook's creation and its change both send; null leaves a setting out. <see cref="Retry"/> and
/// <see cref="Signature"/> take Herald's JSON as is (<c>{"schedule": ["1m", "5m"]}</c>, <c>{"scheme": "hmac-sha256", …}</c>,
/// docs/signatures.md).
/// </summary>
public abstract record WebhookSettings
{
    public string? Source { get; init; }
    public string? Description { get; init; }
    public JsonObject? Signature { get; init; }
    public JsonObject? Retry { get; init; }
    public int? TimeoutSeconds { get; init; }

    /// <summary><c>strict</c> (the default) or <c>concurrent</c>.</summary>
    public string? Ordering { get; init; }
    public int? MaxInFlight { get; init; }
    public int? RateLimit { get; init; }
    [Credential]
    public IReadOnlyDictionary<string, string>? Headers { get; init; }

    /// <summary>Its fields, custom headers masked (<see cref="SafePrint"/>).</summary>
    public sealed override string ToString() => SafePrint.Of(this);
}
