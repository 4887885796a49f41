using Herald.Abstractions.Accounts;
using Herald.Abstractions.Events;
using Herald.Abstractions.Ids;
using Herald.Abstractions.Webhooks;
using Herald.Grains.Delivery;
using Herald.Grains.Telemetry;
using Herald.Grains.Events;
using Herald.Grains.Notifications;
using Herald.Grains.Storage;
using Microsoft.Extensions.Logging;

namespace Herald.Grains.Endpoints;

/// <summary>One attempt: the signed request, its record, and what its outcome means for the endpoint (failure count, operational events, disable).</summary>
public sealed partial class EndpointGrain
{
    /// <summary>Sends one attempt, records it, and applies what its outcome means; returns the delivery's new status.</summary>
    private async Task<string> AttemptAsync(QueuedDelivery message, CancellationToken cancellationToken)
    {
        var (status, recorded) = await SendAndRecordAsync(message, cancellationToken);
        await recorded;
        return status;
    }

    /// <summary>
    /// Sends one attempt and applies what its outcome means; returns the delivery's new status and the commit of its
    /// record. Only a success returns before that commit: every other outcome changes what happens next (a retry
    /// time, a failure count, an operational event), so it waits for its record first.
    /// </summary>
    private async Task<(string Status, Task Recorded)> SendAndRecordAsync(QueuedDelivery message, CancellationToken cancellationToken)
    {
        var attemptedAt = time.GetUtcNow();
        var outcome = await sender.SendAsync(BuildRequest(message, attemptedAt), cancellationToken);
        var attempt = message.Attempts + 1;
        var verdict = AttemptClassifier.Classify(outcome, state.State.Retry.RetryClientErrors);
        DateTimeOffset? next = null;
        var status = verdict == AttemptClass.Succeeded ? DeliveryStatuses.Succeeded : DeliveryStatuses.Failed;
        if (verdict == AttemptClass.Retryable
            && RetrySchedule.NextDelay(state.State.Retry, attempt - message.BudgetStart, Random.Shared.NextDouble()) is { } delay)
        {
            if (outcome.RetryAfter is { } retryAfter && retryAfter > delay)
            {
                delay = retryAfter < options.Value.MaxRetryAfter ? retryAfter : options.Value.MaxRetryAfter;
            }
            next = time.GetUtcNow() + delay;
            status = DeliveryStatuses.Pending;
        }

        var recorded = queue.RecordAttemptAsync(new AttemptRecord(
            HeraldId.New("att", time), message.DeliveryId, EndpointId, message.EventId, message.EventType, attempt,
            outcome.IsSuccess, outcome.StatusCode, (int)outcome.Latency.TotalMilliseconds, outcome.Error,
            outcome.ResponseExcerpt, attemptedAt, next, status), cancellationToken);
        if (status == DeliveryStatuses.Succeeded)
        {
            if (logger.IsEnabled(LogLevel.Debug))
            {
                recorded = LogWhenRecordedAsync(recorded, message.EventId, attempt, outcome.StatusCode);
            }
        }
        else
        {
            await recorded;
            LogAttemptFailed(logger, EndpointId, message.EventId, attempt, outcome.StatusCode, outcome.Error, status);
        }
        HeraldMetrics.RecordAttempt(message, attemptedAt, outcome.Latency, verdict, status);

        if (status == DeliveryStatuses.Succeeded && state.State.ConsecutiveFailures != 0)
        {
            state.State.ConsecutiveFailures = 0;
            await WriteStateAsync();
        }
        else if (status == DeliveryStatuses.Failed)
        {
            await OnDeliveryFailedAsync(message, attempt, outcome, verdict);
        }
        return (status, recorded);
    }

    /// <summary>A success is logged once its record is durable, like every other attempt.</summary>
    private async Task LogWhenRecordedAsync(Task recorded, string eventId, int attempt, int? statusCode)
    {
        await recorded;
        LogDelivered(logger, EndpointId, eventId, attempt, statusCode);
    }

    /// <summary>A delivery ended failed: count it, tell the account, and disable the endpoint if its rule says so.</summary>
    private async Task OnDeliveryFailedAsync(QueuedDelivery message, int attempts, AttemptOutcome outcome, AttemptClass verdict)
    {
        state.State.ConsecutiveFailures++;
        await WriteStateAsync();
        if (OperationalEvents.IsOperational(message.EventType))
        {
            return; // a failed operational event never produces another
        }
        await OperationalEvent.PublishAsync(GrainFactory, state.State.AccountId, OperationalEvents.DeliveryExhausted, new
        {
            WebhookId = EndpointId,
            DeliveryId = message.DeliveryId,
            EventId = message.EventId,
            EventType = message.EventType,
            Attempts = attempts,
            Reason = verdict == AttemptClass.Permanent ? "permanent_failure" : "attempts_exhausted",
            LastStatusCode = outcome.StatusCode,
            LastError = outcome.Error,
        }, time);
        var settings = (await GrainFactory.GetGrain<IAccountGrain>(state.State.AccountId).GetAsync())?.Settings ?? AccountSettings.Default;
        if (settings.OnExhausted == ExhaustionAction.Disable && state.State.ConsecutiveFailures >= settings.DisableAfter)
        {
            await _statusChange.WaitAsync();
            try
            {
                if (IsActive)
                {
                    await DisableForAsync(DisabledReasons.Failures, email: settings.NotifyEmail is not null);
                }
            }
            finally
            {
                _statusChange.Release();
            }
        }
    }

    private async Task DisableForAsync(string reason, bool email = false)
    {
        state.State.Status = WebhookStatus.Disabled;
        state.State.DisabledReason = reason;
        if (email)
        {
            // Queued before the disable is written, so that no crash between the two loses the email; the notice asks
            // this endpoint before it sends, so a disable that never got written sends nothing.
            await DisableNotices.QueueAsync(GrainFactory, EndpointId, time.GetUtcNow(), logger);
        }
        await WriteStateAsync();
        await queue.HoldAsync(EndpointId);
        await SetReminderAsync(false);
        LogDisabled(logger, EndpointId, reason);
        HeraldMetrics.RecordDisabled(reason);
        await OperationalEvent.PublishAsync(GrainFactory, state.State.AccountId, OperationalEvents.WebhookDisabled, new
        {
            WebhookId = EndpointId,
            Url = state.State.Url,
            Reason = reason,
            ConsecutiveFailures = state.State.ConsecutiveFailures,
        }, time);
    }

    private OutgoingRequest BuildRequest(QueuedDelivery message, DateTimeOffset now)
    {
        var headers = new List<KeyValuePair<string, string>>(state.State.Headers);
        headers.AddRange(signer.Sign(EndpointId, state.State, message.EventId, message.EventType, message.Body, now));
        headers.Add(new("User-Agent", options.Value.UserAgent));
        return new OutgoingRequest(new Uri(state.State.Url), message.Body, headers, TimeSpan.FromSeconds(state.State.TimeoutSeconds));
    }

    // Successes are the hot path (thousands a second): Debug, so that the default log level costs nothing per delivery.
    [LoggerMessage(Level = LogLevel.Debug,
        Message = "Delivery attempt {Attempt} of event {EventId} to endpoint {EndpointId}: status {StatusCode}, delivered")]
    private static partial void LogDelivered(ILogger logger, string endpointId, string eventId, int attempt, int? statusCode);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Delivery attempt {Attempt} of event {EventId} to endpoint {EndpointId}: status {StatusCode}, error {Error}, delivery now {DeliveryStatus}")]
    private static partial void LogAttemptFailed(ILogger logger, string endpointId, string eventId, int attempt, int? statusCode, string? error, string deliveryStatus);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Endpoint {EndpointId} disabled ({Reason}); its queue is held")]
    private static partial void LogDisabled(ILogger logger, string endpointId, string reason);
}
