using Herald.Abstractions.Accounts;
using Herald.Abstractions.Webhooks;

namespace Herald.Api.Webhooks;

/// <summary>
/// The body of <c>PATCH /v1/webhooks/{id}</c>: any field of the registration but its secret. A field that is absent
/// keeps its value; one that is sent replaces it whole (<c>events</c>, <c>headers</c> and <c>signature</c> included);
/// <c>null</c> sets what <c>POST</c> sets when the field is left out (see docs/design-notes.md).
/// </summary>
public sealed record PatchWebhookRequest : WebhookFields
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
        var request = new CreateWebhookRequest
        {
            Url = Pick("url", Url, current.Url),
            Events = Pick("events", Events, current.Events.ToList()),
            Source = Pick("source", Source, current.Source),
            Description = Pick("description", Description, current.Description),
            // Left out when absent: the defaults below then carry the webhook's own values.
            Signature = Signature,
            Retry = Retry,
            TimeoutSeconds = TimeoutSeconds,
            Ordering = Pick("ordering", Ordering, shown.Ordering),
            // A new ordering without max_in_flight takes that mode's default, as at registration.
            MaxInFlight = Pick("max_in_flight", MaxInFlight, sent.Contains("ordering") ? null : current.MaxInFlight),
            RateLimit = Pick("rate_limit", RateLimit, current.RateLimit),
            Headers = Pick("headers", Headers, new Dictionary<string, string>(current.Headers)),
        };
        var defaults = new WebhookDefaults(
            sent.Contains("signature") ? account.Signature : current.Signature,
            sent.Contains("retry") ? account.Retry : current.Retry,
            sent.Contains("timeout_seconds") ? account.TimeoutSeconds : current.TimeoutSeconds);
        return (request, defaults);
    }
}
