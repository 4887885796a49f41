using System.Text.Json.Nodes;

namespace Herald.Client.Models;

/// <summary>
/// The body of <c>POST /v1/webhooks</c>. <see cref="Retry"/> and <see cref="Signature"/> take Herald's JSON as is
/// (<c>{"schedule": ["1m", "5m"]}</c>, <c>{"scheme": "hmac-sha256", …}</c>, docs/signatures.md).
/// </summary>
public sealed record CreateWebhookRequest(string Url, IReadOnlyList<string> Events)
{
    public string? Source { get; init; }
    public string? Description { get; init; }
    public string? Secret { get; init; }
    public JsonObject? Signature { get; init; }
    public JsonObject? Retry { get; init; }
    public int? TimeoutSeconds { get; init; }

    /// <summary><c>strict</c> (the default) or <c>concurrent</c>.</summary>
    public string? Ordering { get; init; }
    public int? MaxInFlight { get; init; }
    public int? RateLimit { get; init; }
    public IReadOnlyDictionary<string, string>? Headers { get; init; }

    /// <summary>The account an admin key creates it for.</summary>
    public string? AccountId { get; init; }

    /// <summary>Send a test event at once; the answer carries its outcome (<see cref="Webhook.Test"/>).</summary>
    public bool? Test { get; init; }
}
