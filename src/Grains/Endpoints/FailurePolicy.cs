using Herald.Abstractions.Accounts;
using Herald.Abstractions.Events;
using Herald.Abstractions.Ids;
using Herald.Abstractions.Webhooks;
using Herald.Grains.Delivery;
using Herald.Grains.Events;
using Herald.Grains.Hosting;
using Herald.Grains.Storage;
using Microsoft.Extensions.Options;

namespace Herald.Grains.Endpoints;

/// <summary>
/// What an attempt's outcome means: whether and when the delivery is tried again (the schedule, <c>Retry-After</c>),
/// when it has failed for good, and what a failed delivery causes. Those consequences (the failure count,
/// <c>delivery.exhausted</c>, the disable rule with <c>webhook.disabled</c> and its email) are written as a failure
/// outbox row by the same statement as the failing attempt, and applied here at least once, idempotently: the count
/// once per row (the row's id is kept in the grain state with the count), the events under ids derived from the row,
/// so a second publish is the first one's duplicate; then the row is deleted. The same outbox carries a delivery's
/// failing streak (<c>delivery.failing</c> after <c>Herald:Delivery:FailingAfter</c> failed attempts in a row, before
/// the delivery's own failure and the disable rule; <c>delivery.recovered</c> at its first success after that).
/// </summary>
internal sealed class FailurePolicy(
    EndpointContext endpoint,
    ChangeLane lane,
    EndpointStatus status,
    FailureOutbox outbox,
    IGrainFactory grains,
    IOptions<DeliveryOptions> options,
    TimeProvider time)
{
    /// <summary>The record of an attempt: the delivery's new status and, when it is tried again, exactly when.</summary>
    public AttemptRecord Judge(QueuedDelivery message, AttemptOutcome outcome, AttemptClass verdict, DateTimeOffset attemptedAt)
    {
        var attempt = message.Attempts + 1;
        DateTimeOffset? next = null;
        var deliveryStatus = verdict == AttemptClass.Succeeded ? DeliveryStatuses.Succeeded : DeliveryStatuses.Failed;
        if (verdict == AttemptClass.Retryable
            && RetrySchedule.NextDelay(endpoint.State.Retry, attempt - message.BudgetStart, Random.Shared.NextDouble()) is { } delay)
        {
            if (outcome.RetryAfter is { } retryAfter && retryAfter > delay)
            {
                delay = retryAfter < options.Value.MaxRetryAfter ? retryAfter : options.Value.MaxRetryAfter;
            }
            next = time.GetUtcNow() + delay;
            deliveryStatus = DeliveryStatuses.Pending;
        }
        var reason = deliveryStatus != DeliveryStatuses.Failed ? null
            : verdict == AttemptClass.Permanent ? FailureReasons.Permanent : FailureReasons.Exhausted;
        return new AttemptRecord(
            HeraldId.New("att", time), message.DeliveryId, endpoint.Id, message.EventId, message.EventType, attempt,
            outcome.IsSuccess, outcome.StatusCode, (int)outcome.Latency.TotalMilliseconds, outcome.Error, outcome.ResponseExcerpt,
            attemptedAt, next, deliveryStatus, reason, StreakEvent(message, attempt, verdict == AttemptClass.Succeeded))
        {
            RequestHeaders = outcome.RequestHeaders,
        };
    }

    /// <summary>
    /// Whether this attempt starts or ends the delivery's failing streak. Every earlier attempt of the delivery's
    /// current budget failed (a success ends the delivery), so the streak is the attempts since the budget started:
    /// the failure that makes it <c>FailingAfter</c> long starts it, once; a success after such a streak ends it.
    /// A resend starts a new budget, and so a new streak. Operational events have none (they never produce another).
    /// </summary>
    private string? StreakEvent(QueuedDelivery message, int attempt, bool succeeded)
    {
        if (OperationalEvents.IsOperational(message.EventType))
        {
            return null;
        }
        var failedBefore = attempt - 1 - message.BudgetStart;
        var threshold = options.Value.FailingAfter;
        return succeeded ? (failedBefore >= threshold ? OutboxKinds.Recovered : null)
            : failedBefore + 1 == threshold ? OutboxKinds.Failing : null;
    }

    /// <summary>A delivery succeeded: the count of failed deliveries in a row starts again.</summary>
    public Task OnSucceededAsync() => endpoint.State.ConsecutiveFailures == 0 ? Task.CompletedTask : lane.RunAsync(async () =>
    {
        if (endpoint.Exists && endpoint.State.ConsecutiveFailures != 0)
        {
            endpoint.State.ConsecutiveFailures = 0;
            await endpoint.Store.WriteStateAsync();
        }
    });

    /// <summary>Applies the consequences of one outbox row whose record is durable; safe to repeat.</summary>
    public async Task ApplyAsync(FailedDelivery failed)
    {
        if (failed.Kind != OutboxKinds.Failed)
        {
            await AnnounceStreakAsync(failed);
            return;
        }
        // A failed operational event never produces another, nor counts toward disabling (so a broken endpoint cannot feed itself).
        var operational = OperationalEvents.IsOperational(failed.EventType);
        var settings = operational ? null
            : (await grains.Grain<IAccountGrain>(endpoint.State.AccountId).GetAsync())?.Settings ?? AccountSettings.Default;
        await lane.RunAsync(async () =>
        {
            var state = endpoint.State;
            if (!endpoint.Exists || state.AppliedFailures.Contains(failed.AttemptId))
            {
                return;
            }
            state.ConsecutiveFailures++;
            state.AppliedFailures = [.. state.AppliedFailures, failed.AttemptId];
            if (settings is { OnExhausted: ExhaustionAction.Disable } && state.ConsecutiveFailures >= settings.DisableAfter && endpoint.IsActive)
            {
                state.DisabledBy = failed.AttemptId;
                await status.DisableAsync(DisabledReasons.Failures, failed.FailedAt, email: settings.NotifyEmail is not null);
            }
            else
            {
                await endpoint.Store.WriteStateAsync();
            }
        });
        if (!operational && endpoint.Exists)
        {
            await OperationalEvent.PublishAsync(grains, endpoint.State.AccountId, OperationalEvents.DeliveryExhausted, new
            {
                WebhookId = endpoint.Id,
                failed.DeliveryId,
                failed.EventId,
                failed.EventType,
                failed.Attempts,
                failed.Reason,
                LastStatusCode = failed.StatusCode,
                LastError = failed.Error,
            }, time, OperationalEvent.IdFor(failed.AttemptId, "exhausted"));
            if (endpoint.State.DisabledBy == failed.AttemptId)
            {
                await status.AnnounceDisabledAsync(DisabledReasons.Failures, OperationalEvent.IdFor(failed.AttemptId, "disabled"));
            }
        }
        await outbox.DeleteAsync(failed.AttemptId, failed.Kind);
        // Replaced, not changed in place: a write of the state in flight serializes it on a pool thread.
        endpoint.State.AppliedFailures = [.. endpoint.State.AppliedFailures.Where(id => id != failed.AttemptId)];
    }

    /// <summary><c>delivery.failing</c> or <c>delivery.recovered</c>, under an id derived from the attempt, so a second publish is a duplicate.</summary>
    private async Task AnnounceStreakAsync(FailedDelivery streak)
    {
        if (endpoint.Exists)
        {
            var failing = streak.Kind == OutboxKinds.Failing;
            await OperationalEvent.PublishAsync(grains, endpoint.State.AccountId,
                failing ? OperationalEvents.DeliveryFailing : OperationalEvents.DeliveryRecovered, new
                {
                    WebhookId = endpoint.Id,
                    streak.DeliveryId,
                    streak.EventId,
                    streak.EventType,
                    streak.Attempts,
                    LastStatusCode = streak.StatusCode,
                    LastError = streak.Error,
                }, time, OperationalEvent.IdFor(streak.AttemptId, streak.Kind));
        }
        await outbox.DeleteAsync(streak.AttemptId, streak.Kind);
    }

    /// <summary>Applies what earlier activations left in the outbox (a crash, or a failure, between a record's commit and its consequences).</summary>
    public async Task ApplyPendingAsync()
    {
        foreach (var failed in await outbox.ReadAsync(endpoint.Id))
        {
            await ApplyAsync(failed);
        }
    }
}
