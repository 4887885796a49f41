using Herald.Abstractions.Events;
using Herald.Abstractions.Webhooks;
using Microsoft.Extensions.Logging;

namespace Herald.Grains.Events;

/// <summary>
/// The events of a webhook's life (<c>webhook.created</c>, <c>webhook.updated</c>, <c>webhook.deleted</c>,
/// <c>webhook.enabled</c>, <c>secret.rotated</c>), published after the change is durable. They are best effort, like
/// <c>webhook.disabled</c> after a user's disable: the change has been made and is answered whatever the publish does;
/// a publish that fails is logged, and a crash between the change and the publish loses the event.
/// </summary>
public static partial class WebhookLifecycle
{
    /// <summary>The webhook as the events show it: what it is subscribed to and where it delivers, never its secret.</summary>
    public static object Data(WebhookView view) => new
    {
        WebhookId = view.Id,
        view.Url,
        view.Events,
        view.Source,
        view.Description,
        Status = view.Status == WebhookStatus.Active ? "active" : "disabled",
    };

    public static async Task AnnounceAsync(
        Func<PublishCommand, Task<PublishResult?>> publish, string type, object data, TimeProvider time, ILogger logger, string webhookId)
    {
        try
        {
            await publish(OperationalEvent.Command(type, data, time));
        }
        catch (Exception exception)
        {
            LogAnnounceFailed(logger, type, webhookId, exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The {EventType} event of webhook {WebhookId} could not be published; the change itself is made")]
    private static partial void LogAnnounceFailed(ILogger logger, string eventType, string webhookId, Exception exception);
}
