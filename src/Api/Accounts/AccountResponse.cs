using System.Text.Json.Serialization;
using Herald.Abstractions.Accounts;
using Herald.Api.Json;
using Herald.Api.Webhooks;
using Herald.Grains.Limits;

namespace Herald.Api.Accounts;

/// <summary>
/// An account and its settings; <see cref="ApiKey"/> is present only in the answer to its creation. <see cref="Retention"/>
/// is null when the account keeps its rows as long as the deployment does.
/// </summary>
public sealed record AccountResponse(
    string Id,
    string Name,
    DateTimeOffset CreatedAt,
    RetryResponse Retry,
    int TimeoutSeconds,
    string OnExhausted,
    int DisableAfter,
    int MaxWebhooksPerSource,
    SignatureResponse Signature,
    bool CanonicalJson,
    string? NotifyEmail,
    string? Retention,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ApiKey)
{
    /// <param name="limits">The deployment's defaults, shown where the account sets none.</param>
    public static AccountResponse From(AccountView view, LimitsOptions limits, string? apiKey = null) => new(
        view.Id, view.Name, view.CreatedAt, RetryResponse.From(view.Settings.Retry), view.Settings.TimeoutSeconds,
        view.Settings.OnExhausted == ExhaustionAction.Disable ? "disable" : "drop", view.Settings.DisableAfter,
        view.Settings.MaxWebhooksPerSource ?? limits.MaxWebhooksPerSource,
        SignatureResponse.From(view.Settings.Signature), view.Settings.CanonicalJson, view.Settings.NotifyEmail,
        view.Settings.Retention is { } retention ? Duration.Format(retention) : null, apiKey);
}
