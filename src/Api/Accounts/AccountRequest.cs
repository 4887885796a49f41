using Herald.Api.Webhooks;

namespace Herald.Api.Accounts;

/// <summary>
/// The body of <c>POST /v1/accounts</c> and <c>PATCH /v1/accounts/{id}</c>: absent fields keep their value;
/// <c>notify_email: null</c> clears the address; <c>retention: null</c> returns to the deployment's retention.
/// </summary>
public sealed record AccountRequest(
    string? Name,
    RetryRequest? Retry,
    int? TimeoutSeconds,
    string? OnExhausted,
    int? DisableAfter,
    int? MaxWebhooksPerSource,
    SignatureRequest? Signature,
    bool? CanonicalJson,
    string? NotifyEmail,
    string? Retention);
