using System.Text.Json.Serialization;
using Herald.Abstractions.Accounts;
using Herald.Api.Webhooks;

namespace Herald.Api.Accounts;

/// <summary>An account and its settings; <see cref="ApiKey"/> is present only in the answer to its creation.</summary>
public sealed record AccountResponse(
    string Id,
    string Name,
    DateTimeOffset CreatedAt,
    RetryResponse Retry,
    int TimeoutSeconds,
    string OnExhausted,
    int DisableAfter,
    SignatureResponse Signature,
    bool CanonicalJson,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ApiKey)
{
    public static AccountResponse From(AccountView view, string? apiKey = null) => new(
        view.Id, view.Name, view.CreatedAt, RetryResponse.From(view.Settings.Retry), view.Settings.TimeoutSeconds,
        view.Settings.OnExhausted == ExhaustionAction.Disable ? "disable" : "drop", view.Settings.DisableAfter,
        SignatureResponse.From(view.Settings.Signature), view.Settings.CanonicalJson, apiKey);
}
