namespace Herald.Abstractions.Webhooks;

/// <summary>Why a webhook is disabled (<see cref="WebhookView.DisabledReason"/>).</summary>
public static class DisabledReasons
{
    /// <summary>Through <c>POST /v1/webhooks/{id}/disable</c>.</summary>
    public const string User = "user";

    /// <summary>By the account's disable rule: <c>disable_after</c> failed deliveries in a row.</summary>
    public const string Failures = "failures";
}
