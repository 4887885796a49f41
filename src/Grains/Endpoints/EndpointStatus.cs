using Herald.Abstractions.Accounts;
using Herald.Abstractions.Events;
using Herald.Abstractions.Webhooks;
using Herald.Grains.Events;
using Herald.Grains.Hosting;
using Herald.Grains.Notifications;
using Herald.Grains.Storage;
using Herald.Grains.Telemetry;
using Microsoft.Extensions.Logging;

namespace Herald.Grains.Endpoints;

/// <summary>
/// The endpoint's status changes and the queue rows they move: a disabled endpoint holds its queue, an enabled one
/// releases it. The account is told both, so that while the endpoint is disabled its publishes queue deliveries held
/// at once instead of pending for this endpoint to hold (one write per delivery instead of two). Callers hold the
/// <see cref="ChangeLane"/>, so no requeue or other status change falls in between, and the account hears of them in
/// the order they happen.
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
        await TellAccountHeldAsync();
        LogDisabled(logger, endpoint.Id, reason);
        HeraldMetrics.RecordDisabled(reason);
    }

    /// <summary>
    /// Resumes delivery: resets the failure count and releases the held queue, in order. The account stops holding
    /// first, and answers once its publishes that may still queue a held delivery have committed, so the release finds
    /// them all; if it cannot be told, nothing changes and the enable fails.
    /// </summary>
    public async Task EnableAsync()
    {
        await Account.ReleaseDeliveriesAsync(endpoint.Id);
        var state = endpoint.State;
        state.Status = WebhookStatus.Active;
        state.DisabledReason = null;
        state.DisabledBy = null;
        state.ConsecutiveFailures = 0;
        await endpoint.Store.WriteStateAsync();
        await queue.ReleaseAsync(endpoint.Id);
    }

    /// <summary>
    /// Deliveries queued pending while disabled (the account did not know yet, e.g. a new activation of it): a disabled
    /// endpoint holds them, and tells the account again.
    /// </summary>
    public async Task HoldIfDisabledAsync()
    {
        if (endpoint.Exists && !endpoint.IsActive && await queue.HoldAsync(endpoint.Id) > 0)
        {
            await TellAccountHeldAsync();
        }
    }

    /// <summary>
    /// A delivery was queued held while this endpoint is active (a notice of a publish that raced an enable, or an
    /// account that heard of a disable late): the account stops holding, and the held rows are released in order.
    /// </summary>
    public async Task ReleaseStrayHeldAsync()
    {
        if (endpoint.Exists && endpoint.IsActive)
        {
            await Account.ReleaseDeliveriesAsync(endpoint.Id);
            await queue.ReleaseAsync(endpoint.Id);
        }
    }

    private IAccountGrain Account => grains.Grain<IAccountGrain>(endpoint.State.AccountId);

    /// <summary>Best effort: an account that does not know queues deliveries pending, and the next pass holds them.</summary>
    private async Task TellAccountHeldAsync()
    {
        try
        {
            await Account.HoldDeliveriesAsync(endpoint.Id);
        }
        catch (Exception exception)
        {
            LogAccountNotTold(logger, endpoint.Id, exception);
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Endpoint {EndpointId} could not tell its account that it holds its queue; publishes queue pending until it can")]
    private static partial void LogAccountNotTold(ILogger logger, string endpointId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Endpoint {EndpointId} disabled ({Reason}); its queue is held")]
    private static partial void LogDisabled(ILogger logger, string endpointId, string reason);
}
