using Herald.Abstractions.Ids;
using Herald.Abstractions.Signatures;
using Herald.Abstractions.Webhooks;
using Herald.Grains.Delivery;
using Herald.Grains.Signing;
using Herald.Grains.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Herald.Grains.Endpoints;

/// <summary>
/// Delivers its queue in order: one message in flight, the head blocking until it succeeds or fails for good.
/// A retry's due time is durable in the queue row; a grain timer wakes the grain at that time while it is
/// active, and one reminder, kept only while work is waiting, wakes it after a crash or a deactivation.
/// </summary>
public sealed partial class EndpointGrain(
    [PersistentState("endpoint", HeraldStorage.Name)] IPersistentState<EndpointState> state,
    DeliveryQueue queue,
    WebhookSender sender,
    DeliverySigner signer,
    EndpointSecrets secrets,
    IOptions<DeliveryOptions> options,
    TimeProvider time,
    ILogger<EndpointGrain> logger) : Grain, IEndpointGrain, IRemindable
{
    public const string WakeReminder = "wake";
    private static readonly TimeSpan ReminderPeriod = TimeSpan.FromMinutes(1);

    private IGrainTimer? _wakeTimer;
    private bool? _reminderRegistered;

    private string EndpointId => this.GetPrimaryKeyString();

    public async Task<CreatedWebhook> CreateAsync(string accountId, WebhookSpec spec)
    {
        if (state.RecordExists)
        {
            throw new InvalidOperationException($"Endpoint {EndpointId} already exists.");
        }
        state.State = new EndpointState
        {
            AccountId = accountId,
            Url = spec.Url,
            Events = [.. spec.Events],
            Source = spec.Source,
            Description = spec.Description,
            Retry = spec.Retry ?? RetryPolicy.Default,
            TimeoutSeconds = spec.TimeoutSeconds ?? options.Value.DefaultTimeoutSeconds,
            Headers = new Dictionary<string, string>(spec.Headers),
            Status = WebhookStatus.Active,
            CreatedAt = time.GetUtcNow(),
            Signature = spec.Signature ?? SignatureProfile.StandardWebhooks,
        };
        var secret = secrets.Issue(EndpointId, state.State, spec.Secret);
        await state.WriteStateAsync();
        return new CreatedWebhook(View(), secret);
    }

    public async Task<RotatedSecret?> RotateSecretAsync(string? secret, TimeSpan gracePeriod)
    {
        if (!state.RecordExists)
        {
            return null;
        }
        var rotated = secrets.Rotate(EndpointId, state.State, secret, gracePeriod);
        await state.WriteStateAsync();
        return rotated;
    }

    public Task<WebhookView?> GetAsync() => Task.FromResult(state.RecordExists ? View() : null);

    public async Task DeleteAsync()
    {
        if (!state.RecordExists)
        {
            return;
        }
        await state.ClearStateAsync();
        await queue.DeleteEndpointAsync(EndpointId);
        await SetReminderAsync(false);
        DeactivateOnIdle();
    }

    public Task NotifyAsync()
    {
        WakeIn(TimeSpan.Zero);
        return Task.CompletedTask;
    }

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == WakeReminder)
        {
            WakeIn(TimeSpan.Zero);
        }
        return Task.CompletedTask;
    }

    private void WakeIn(TimeSpan due)
    {
        if (_wakeTimer is null)
        {
            _wakeTimer = this.RegisterGrainTimer(DrainAsync, new GrainTimerCreationOptions(due, Timeout.InfiniteTimeSpan) { KeepAlive = true });
        }
        else
        {
            _wakeTimer.Change(due, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>Delivers due messages in queue order until the queue is empty or its head must wait.</summary>
    private async Task DrainAsync(CancellationToken cancellationToken)
    {
        if (!state.RecordExists || state.State.Status != WebhookStatus.Active)
        {
            return;
        }
        while (!cancellationToken.IsCancellationRequested)
        {
            var head = await queue.PeekAsync(EndpointId, 1, cancellationToken);
            if (head.Count == 0)
            {
                await SetReminderAsync(false);
                return;
            }
            var message = head[0];
            var wait = message.NextAttemptAt - time.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await SetReminderAsync(true);
                WakeIn(wait);
                return;
            }
            await AttemptAsync(message, cancellationToken);
        }
    }

    private async Task AttemptAsync(QueuedDelivery message, CancellationToken cancellationToken)
    {
        var attemptedAt = time.GetUtcNow();
        var outcome = await sender.SendAsync(BuildRequest(message, attemptedAt), cancellationToken);
        var attempt = message.Attempts + 1;
        var verdict = AttemptClassifier.Classify(outcome, state.State.Retry.RetryClientErrors);
        DateTimeOffset? next = null;
        var status = verdict == AttemptClass.Succeeded ? DeliveryStatuses.Succeeded : DeliveryStatuses.Failed;
        if (verdict == AttemptClass.Retryable && RetrySchedule.NextDelay(state.State.Retry, attempt, Random.Shared.NextDouble()) is { } delay)
        {
            if (outcome.RetryAfter is { } retryAfter && retryAfter > delay)
            {
                delay = retryAfter < options.Value.MaxRetryAfter ? retryAfter : options.Value.MaxRetryAfter;
            }
            next = time.GetUtcNow() + delay;
            status = DeliveryStatuses.Pending;
        }

        await queue.RecordAttemptAsync(new AttemptRecord(
            HeraldId.New("att", time), message.DeliveryId, EndpointId, message.EventId, message.EventType, attempt,
            outcome.IsSuccess, outcome.StatusCode, (int)outcome.Latency.TotalMilliseconds, outcome.Error,
            outcome.ResponseExcerpt, attemptedAt, next, status), cancellationToken);
        LogAttempt(logger, EndpointId, message.EventId, attempt, outcome.StatusCode, outcome.Error, status);
        await CountFailuresAsync(status);
    }

    private async Task CountFailuresAsync(string deliveryStatus)
    {
        var failures = deliveryStatus switch
        {
            DeliveryStatuses.Succeeded => 0,
            DeliveryStatuses.Failed => state.State.ConsecutiveFailures + 1,
            _ => state.State.ConsecutiveFailures,
        };
        if (failures != state.State.ConsecutiveFailures)
        {
            state.State.ConsecutiveFailures = failures;
            await state.WriteStateAsync();
        }
    }

    private OutgoingRequest BuildRequest(QueuedDelivery message, DateTimeOffset now)
    {
        var headers = new List<KeyValuePair<string, string>>(state.State.Headers);
        headers.AddRange(signer.Sign(EndpointId, state.State, message.EventId, message.EventType, message.Body, now));
        headers.Add(new("User-Agent", options.Value.UserAgent));
        return new OutgoingRequest(new Uri(state.State.Url), message.Body, headers, TimeSpan.FromSeconds(state.State.TimeoutSeconds));
    }

    /// <summary>Keeps the wake-up reminder registered exactly while work waits, so a queue costs two reminder writes per idle→waiting→idle cycle.</summary>
    private async Task SetReminderAsync(bool wanted)
    {
        _reminderRegistered ??= await this.GetReminder(WakeReminder) is not null;
        if (wanted == _reminderRegistered)
        {
            return;
        }
        if (wanted)
        {
            await this.RegisterOrUpdateReminder(WakeReminder, ReminderPeriod, ReminderPeriod);
        }
        else if (await this.GetReminder(WakeReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
        _reminderRegistered = wanted;
    }

    private WebhookView View() => new(
        EndpointId, state.State.AccountId, state.State.Url, state.State.Events, state.State.Source, state.State.Description,
        state.State.Retry, state.State.TimeoutSeconds, state.State.Headers, state.State.Status, state.State.DisabledReason,
        state.State.CreatedAt) { Signature = state.State.Signature };

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Delivery attempt {Attempt} of event {EventId} to endpoint {EndpointId}: status {StatusCode}, error {Error}, delivery now {DeliveryStatus}")]
    private static partial void LogAttempt(ILogger logger, string endpointId, string eventId, int attempt, int? statusCode, string? error, string deliveryStatus);
}
