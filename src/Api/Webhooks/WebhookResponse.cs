using System.Text.Json.Serialization;
using Herald.Abstractions.Webhooks;

namespace Herald.Api.Webhooks;

/// <summary>A webhook as the API shows it, with its effective signature profile; <see cref="Secret"/> (and <see cref="Test"/>) only in the answer to its creation.</summary>
public sealed record WebhookResponse(
    string Id,
    string AccountId,
    string Url,
    IReadOnlyList<string> Events,
    string? Source,
    string? Description,
    SignatureResponse Signature,
    RetryResponse Retry,
    int TimeoutSeconds,
    string Ordering,
    int MaxInFlight,
    int? RateLimit,
    IReadOnlyDictionary<string, string> Headers,
    string Status,
    string? DisabledReason,
    int ConsecutiveFailures,
    DateTimeOffset CreatedAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Secret)
{
    /// <summary>The outcome of the test ping sent at creation (<c>"test": true</c>); absent otherwise.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public TestDeliveryResult? Test { get; init; }

    public static WebhookResponse From(WebhookView view, string? secret = null) => new(
        view.Id, view.AccountId, view.Url, view.Events, view.Source, view.Description, SignatureResponse.From(view.Signature),
        RetryResponse.From(view.Retry), view.TimeoutSeconds, view.Ordering == DeliveryOrdering.Concurrent ? "concurrent" : "strict",
        view.MaxInFlight, view.RateLimit, view.Headers, view.Status == WebhookStatus.Active ? "active" : "disabled",
        view.DisabledReason, view.ConsecutiveFailures, view.CreatedAt, secret);
}
