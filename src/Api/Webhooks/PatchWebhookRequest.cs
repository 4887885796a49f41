using Herald.Abstractions.Accounts;
using Herald.Abstractions.Webhooks;

namespace Herald.Api.Webhooks;

/// <summary>
/// The body of <c>PATCH /v1/webhooks/{id}</c>: any field of the registration but its secret. A field that is absent
/// keeps its value; one that is sent replaces it whole (<c>events</c>, <c>headers</c> and <c>signature</c> included);
/// <c>null</c> sets what <c>POST</c> sets when the field is left out (see docs/design-notes.md).
/// </summary>
public sealed record PatchWebhookRequest(
    string? Url,
    List<string>? Events,
    string? Source,
    string? Description,
    SignatureRequest? Signature,
    RetryRequest? Retry,
    int? TimeoutSeconds,
    string? Ordering,
    int? MaxInFlight,
    int? RateLimit,
    Dictionary<string, string>? Headers)
{
    /// <summary>
    /// The registration this change makes of <paramref name="current"/>, to be checked as a whole by the same rules as
    /// a new one, and what applies where it names no signature, retry or timeout.
    /// </summary>
    /// <param name="sent">The fields the body sent (a null included).</param>
    public (CreateWebhookRequest Request, WebhookDefaults Defaults) ApplyTo(WebhookView current, AccountSettings account, IReadOnlySet<string> sent)
    {
        T? Pick<T>(string field, T? sentValue, T? kept) => sent.Contains(field) ? sentValue : kept;
        var shown = WebhookResponse.From(current);
        var request = new CreateWebhookRequest(
            Pick("url", Url, current.Url),
            Pick("events", Events, current.Events.ToList()),
            Pick("source", Source, current.Source),
            Pick("description", Description, current.Description),
            Secret: null,
            Signature,
            Retry,
            TimeoutSeconds,
            Pick("ordering", Ordering, shown.Ordering),
            // A new ordering without max_in_flight takes that mode's default, as at registration.
            Pick("max_in_flight", MaxInFlight, sent.Contains("ordering") ? null : current.MaxInFlight),
            Pick("rate_limit", RateLimit, current.RateLimit),
            Pick("headers", Headers, new Dictionary<string, string>(current.Headers)),
            AccountId: null);
        var defaults = new WebhookDefaults(
            sent.Contains("signature") ? account.Signature : current.Signature,
            sent.Contains("retry") ? account.Retry : current.Retry,
            sent.Contains("timeout_seconds") ? account.TimeoutSeconds : current.TimeoutSeconds);
        return (request, defaults);
    }
}
