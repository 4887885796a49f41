using System.Globalization;
using System.Text;
using Herald.Abstractions.Webhooks;

namespace Herald.Grains.Notifications;

/// <summary>The subject and plain-text body telling an account that a webhook was disabled; nothing secret goes in.</summary>
public static class DisableNoticeEmail
{
    public static (string Subject, string Body) Compose(WebhookView webhook, int disableAfter, DateTimeOffset disabledAt)
    {
        var failures = webhook.ConsecutiveFailures;
        var body = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"Herald disabled the webhook {webhook.Id} because its deliveries kept failing.\n\n")
            .Append(CultureInfo.InvariantCulture, $"Webhook:     {webhook.Id}\n")
            .Append(CultureInfo.InvariantCulture, $"URL:         {webhook.Url}\n")
            .Append(CultureInfo.InvariantCulture, $"Reason:      {webhook.DisabledReason} ({Deliveries(failures)} failed in a row; the account disables a webhook after {disableAfter})\n")
            .Append(CultureInfo.InvariantCulture, $"Failures:    {failures} consecutive\n")
            .Append(CultureInfo.InvariantCulture, $"Disabled at: {disabledAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} UTC\n\n")
            .Append("While it is disabled the webhook keeps its events: they are held, not sent and not dropped.\n")
            .Append("Once the endpoint answers with a 2xx status again, re-enable the webhook; it then delivers the held events in order:\n\n")
            .Append(CultureInfo.InvariantCulture, $"    POST /v1/webhooks/{webhook.Id}/enable\n\n")
            .Append("What the endpoint answered to each attempt is in the delivery log:\n\n")
            .Append(CultureInfo.InvariantCulture, $"    GET /v1/webhooks/{webhook.Id}/deliveries\n");
        return ($"Webhook {webhook.Id} was disabled after {Deliveries(failures)} failed", body.ToString());
    }

    private static string Deliveries(int count) => count == 1 ? "1 delivery" : $"{count} deliveries";
}
