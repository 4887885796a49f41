using System.Text.RegularExpressions;

namespace Herald.Api.OpenApi;

/// <summary>
/// The one table that names every <c>/v1</c> operation, keyed by <c>"METHOD /v1/route/pattern"</c> as the route is
/// mapped (route parameters match whatever their name: <c>{dlv}</c> finds <c>{deliveryId}</c>). A route added without
/// its line here has no <c>operationId</c>, and <c>OpenApiDocumentTests</c> fails naming it. Lines for routes that are not
/// mapped are harmless.
/// </summary>
public static partial class OperationNames
{
    public static readonly IReadOnlyDictionary<string, OperationName> All = new Dictionary<string, OperationName>(StringComparer.Ordinal)
    {
        ["GET /v1/me"] = new("getMe", "Describe the credential of this request"),

        ["POST /v1/accounts"] = new("createAccount", "Create an account (admin); the answer shows its API key once", 409),
        ["GET /v1/accounts"] = new("listAccounts", "List accounts (admin)"),
        ["GET /v1/accounts/{id}"] = new("getAccount", "Get an account and its settings"),
        ["PATCH /v1/accounts/{id}"] = new("updateAccount", "Change an account's settings; absent fields keep their value"),
        ["DELETE /v1/accounts/{id}"] = new("deleteAccount", "Delete an account and everything it owns (admin)"),
        ["POST /v1/accounts/{id}/rotate-key"] = new("rotateAccountKey", "Replace the account's API key"),
        ["POST /v1/accounts/{id}/keys"] = new("createAccountKey", "Create a scoped API key; the answer shows it once"),
        ["GET /v1/accounts/{id}/keys"] = new("listAccountKeys", "List the account's API keys (no secrets)"),
        ["DELETE /v1/accounts/{id}/keys/{key_id}"] = new("deleteAccountKey", "Revoke an API key"),
        ["POST /v1/accounts/{id}/portal-sessions"] = new("createPortalSession", "Open a portal session; the answer shows its token once"),
        ["GET /v1/accounts/{id}/portal-sessions"] = new("listPortalSessions", "List the account's portal sessions that have not expired (never their tokens)"),
        ["DELETE /v1/accounts/{id}/portal-sessions/{ps_id}"] = new("deletePortalSession", "Revoke a portal session"),

        ["POST /v1/webhooks"] = new("createWebhook", "Register a webhook; the answer shows its signing secret once", 409),
        ["GET /v1/webhooks"] = new("listWebhooks", "List webhooks (no secrets)"),
        ["DELETE /v1/webhooks"] = new("deleteWebhooks", "Delete several webhooks by id"),
        ["GET /v1/webhooks/{id}"] = new("getWebhook", "Get a webhook"),
        ["PATCH /v1/webhooks/{id}"] = new("updateWebhook", "Change a webhook; absent fields keep their value, null clears", 409),
        ["DELETE /v1/webhooks/{id}"] = new("deleteWebhook", "Delete a webhook"),
        ["POST /v1/webhooks/{id}/enable"] = new("enableWebhook", "Resume a webhook (resets its failure count)"),
        ["POST /v1/webhooks/{id}/disable"] = new("disableWebhook", "Pause a webhook"),
        ["POST /v1/webhooks/{id}/rotate-secret"] = new("rotateWebhookSecret", "Replace the signing secret; the old one stays valid for a grace period"),
        ["POST /v1/webhooks/{id}/test"] = new("testWebhook", "Send a test event now and answer with the attempt's outcome"),
        ["POST /v1/webhooks/{id}/recover"] = new("recoverWebhook", "Queue again every failed delivery since a time"),
        ["GET /v1/webhooks/{id}/stats"] = new("getWebhookStats", "Success rates and queue depth of a webhook"),
        ["GET /v1/webhooks/{id}/deliveries"] = new("listDeliveries", "List a webhook's deliveries, newest first"),
        ["GET /v1/webhooks/{id}/deliveries/{dlv}"] = new("getDelivery", "Get a delivery with its request and attempt timeline"),
        ["POST /v1/webhooks/{id}/deliveries/retry"] = new("retryDeliveries", "Queue again the failed deliveries that match a filter"),
        ["POST /v1/webhooks/{id}/deliveries/{deliveryId}/retry"] = new("retryDelivery", "Send one delivery again now", 409),
        ["GET /v1/webhooks/{id}/attempts"] = new("listAttempts", "List a webhook's delivery attempts, newest first"),

        ["POST /v1/events"] = new("publishEvent", "Publish an event; 202 once it and its fan-out are durable", 409),
        ["GET /v1/events"] = new("listEvents", "Search events, newest first"),
        ["GET /v1/events/{id}"] = new("getEvent", "Get an event and its delivery status per webhook"),

        ["GET /v1/event-types"] = new("listEventTypes", "List the event catalog"),
        ["GET /v1/event-types/{type}"] = new("getEventType", "Get a catalog entry"),
        ["PUT /v1/event-types/{type}"] = new("putEventType", "Create or replace a catalog entry (admin)"),
    };

    private static readonly Dictionary<string, OperationName> ByShape = All.ToDictionary(e => Shape(e.Key), e => e.Value, StringComparer.Ordinal);

    /// <summary>The key of an operation: its method and its route as mapped, without a trailing slash.</summary>
    public static string Key(string method, string relativePath) => $"{method.ToUpperInvariant()} /{relativePath.Trim('/')}";

    /// <summary>The table's line for an operation (<see cref="Key"/>), whatever its route parameters are called.</summary>
    public static OperationName? Find(string key) => ByShape.GetValueOrDefault(Shape(key));

    private static string Shape(string key) => Parameter().Replace(key, "{}");

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex Parameter();
}
