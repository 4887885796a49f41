using Herald.Abstractions.Accounts;
using Herald.Abstractions.Signatures;
using Herald.Abstractions.Webhooks;

namespace Herald.Api.Webhooks;

/// <summary>
/// What a registration gets for <c>signature</c>, <c>retry</c> and <c>timeout_seconds</c> when it names none: the
/// account's defaults for a new webhook; for a change, the webhook's own values where the field is absent and the
/// account's where it is null.
/// </summary>
public sealed record WebhookDefaults(SignatureProfile Signature, RetryPolicy Retry, int TimeoutSeconds)
{
    public static WebhookDefaults Of(AccountSettings settings) => new(settings.Signature, settings.Retry, settings.TimeoutSeconds);
}
