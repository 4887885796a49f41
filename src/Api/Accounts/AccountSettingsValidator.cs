using Herald.Abstractions.Accounts;
using Herald.Api.Json;
using Herald.Api.Webhooks;
using Herald.Grains.Limits;
using Herald.Grains.Notifications;

namespace Herald.Api.Accounts;

/// <summary>Applies the fields of an <see cref="AccountRequest"/> to current settings, naming every bad field.</summary>
public static class AccountSettingsValidator
{
    /// <summary>The shortest retention an account may set: the purge runs at most hourly by default, so less would not be kept to.</summary>
    public static readonly TimeSpan MinRetention = TimeSpan.FromHours(1);

    /// <param name="maxRetention">The deployment's retention (<c>Herald:Retention:Period</c>): an account may keep its rows less long, never longer.</param>
    /// <param name="sent">The fields a PATCH body names, a null included (a sent null clears <c>notify_email</c> and <c>retention</c>); null for a POST.</param>
    public static AccountSettings Apply(
        AccountSettings current, AccountRequest request, FieldErrors errors, TimeSpan maxRetention, IReadOnlySet<string>? sent = null)
    {
        var settings = current;
        if (request.Name is { } name && (name.Trim().Length is 0 or > 200))
        {
            errors.Add("name", "Give the account a name of 1–200 characters.");
        }
        if (request.Retry is not null && RetryPolicyValidator.Validate(request.Retry, "retry", errors) is { } retry)
        {
            settings = settings with { Retry = retry };
        }
        if (request.TimeoutSeconds is { } timeout)
        {
            if (timeout is < 1 or > 60)
            {
                errors.Add("timeout_seconds", "Use a timeout of 1–60 seconds.");
            }
            settings = settings with { TimeoutSeconds = timeout };
        }
        if (request.OnExhausted is { } onExhausted)
        {
            switch (onExhausted)
            {
                case "drop":
                    settings = settings with { OnExhausted = ExhaustionAction.Drop };
                    break;
                case "disable":
                    settings = settings with { OnExhausted = ExhaustionAction.Disable };
                    break;
                default:
                    errors.Add("on_exhausted", "Use \"drop\" or \"disable\".");
                    break;
            }
        }
        if (request.DisableAfter is { } disableAfter)
        {
            if (disableAfter is < 1 or > 1000)
            {
                errors.Add("disable_after", "Use 1–1000 consecutive exhausted deliveries.");
            }
            settings = settings with { DisableAfter = disableAfter };
        }
        if (request.MaxWebhooksPerSource is { } perSource)
        {
            if (perSource is < 1 or > LimitsOptionsValidator.MaxWebhooksPerSourceCeiling)
            {
                errors.Add("max_webhooks_per_source", $"Use 1–{LimitsOptionsValidator.MaxWebhooksPerSourceCeiling} webhooks per source.");
            }
            settings = settings with { MaxWebhooksPerSource = perSource };
        }
        if (request.Signature is not null && SignatureProfileValidator.Validate(request.Signature, "signature", errors) is { } signature)
        {
            settings = settings with { Signature = signature };
        }
        if (request.CanonicalJson is { } canonicalJson)
        {
            settings = settings with { CanonicalJson = canonicalJson };
        }
        if (request.NotifyEmail is not null || sent?.Contains("notify_email") == true)
        {
            if (request.NotifyEmail is { } email && !EmailAddress.IsValid(email))
            {
                errors.Add("notify_email", "Give one email address such as ops@example.com (no display name), or null for none.");
            }
            settings = settings with { NotifyEmail = request.NotifyEmail };
        }
        if (request.Retention is not null || sent?.Contains("retention") == true)
        {
            settings = settings with { Retention = Retention(request.Retention, maxRetention, errors) };
        }
        return settings;
    }

    private static TimeSpan? Retention(string? text, TimeSpan maxRetention, FieldErrors errors)
    {
        if (text is null)
        {
            return null;
        }
        if (!Duration.TryParse(text, out var retention) || retention < MinRetention || retention > maxRetention)
        {
            errors.Add("retention", $"Use a duration from \"1h\" to \"{Duration.Format(maxRetention)}\" (the deployment's retention), or null for the deployment's.");
        }
        return retention;
    }
}
