using Herald.Abstractions.Events;
using Herald.Abstractions.Webhooks;
using Herald.Grains.Events;
using Herald.Grains.Notifications;
using Herald.Grains.Storage;
using Herald.Grains.Telemetry;
using Microsoft.Extensions.Logging;

namespace Herald.Grains.Endpoints;

/// <summary>
/// The endpoint's status changes and the queue rows they move: a disabled endpoint holds its queue, an enabled one
/// releases it. Callers hold the <see cref="ChangeLane"/>, so no requeue or other status change falls in between.
/// </summary>
internal sealed partial class EndpointStatus(EndpointContext endpoint, DeliveryQueue queue, IGrainFactory grains, TimeProvider time, ILogger logger)
{
    /// <summary>Disables the endpoint (for <paramref name="reason"/>, at <paramref name="at"/>) and holds its queue.</summary>
    /// <param name="email">Queue the disable email. It is queued before the disable is written, so that no crash between the two loses it; the notice asks this endpoint before it sends, so a disable that never got written sends nothing.</param>
    public async Task DisableAsync(string reason, DateTimeOffset at, bool email)
    {
        var state = endpoint.State;
        state.Status = WebhookStatus.Disabled;
        state.DisabledReason = reason;
        if (email)
        {
            await DisableNotices.QueueAsync(grains, endpoint.Id, at, logger);
        }
        await endpoint.Store.WriteStateAsync();
        await queue.HoldAsync(endpoint.Id);
        LogDisabled(logger, endpoint.Id, reason);
        HeraldMetrics.RecordDisabled(reason);
    }

    /// <summary>Resumes delivery: resets the failure count and releases the held queue, in order.</summary>
    public async Task EnableAsync()
    {
        var state = endpoint.State;
        state.Status = WebhookStatus.Active;
        state.DisabledReason = null;
        state.DisabledBy = null;
        state.ConsecutiveFailures = 0;
        await endpoint.Store.WriteStateAsync();
        await queue.ReleaseAsync(endpoint.Id);
    }

    /// <summary>Deliveries queued while disabled arrive as pending: a disabled endpoint holds them.</summary>
    public async Task HoldIfDisabledAsync()
    {
        if (endpoint.Exists && !endpoint.IsActive)
        {
            await queue.HoldAsync(endpoint.Id);
        }
    }

    /// <summary>Publishes <c>webhook.disabled</c> into the account; <paramref name="eventId"/> as for <see cref="OperationalEvent.PublishAsync"/>.</summary>
    public Task AnnounceDisabledAsync(string reason, string? eventId = null) =>
        OperationalEvent.PublishAsync(grains, endpoint.State.AccountId, OperationalEvents.WebhookDisabled, new
        {
            WebhookId = endpoint.Id,
            endpoint.State.Url,
            Reason = reason,
            endpoint.State.ConsecutiveFailures,
        }, time, eventId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Endpoint {EndpointId} disabled ({Reason}); its queue is held")]
    private static partial void LogDisabled(ILogger logger, string endpointId, string reason);
}
