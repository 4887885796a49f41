using Herald.Abstractions.Accounts;
using Herald.Abstractions.Events;
using Herald.Abstractions.Ids;
using Herald.Abstractions.Signatures;
using Herald.Abstractions.Webhooks;
using Herald.Grains.Delivery;
using Herald.Grains.Events;
using Herald.Grains.Hosting;
using Herald.Grains.Notifications;
using Herald.Grains.Signing;
using Herald.Grains.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Placement;

namespace Herald.Grains.Endpoints;

/// <summary>
/// Delivers its queue. Strict: one message in flight, the head blocking until it succeeds or fails for good.
/// Concurrent: up to MaxInFlight, each retried on its own. A retry's due time is durable in the queue row; a grain
/// timer wakes the grain at that time while it is active, and one reminder, kept only while work waits, wakes it
/// after a crash or a deactivation.
/// Endpoints are placed at random rather than beside the account grain that creates and notifies them, so that one
/// account's endpoints — the unit of delivery work — spread over every silo.
/// </summary>
[RandomPlacement]
public sealed partial class EndpointGrain(
    [PersistentState("endpoint", HeraldStorage.Name)] IPersistentState<EndpointState> state,
    DeliveryQueue queue,
    WebhookSender sender,
    DeliverySigner signer,
    EndpointSecrets secrets,
    IOptions<DeliveryOptions> options,
    TimeProvider time,
    DeliveryShutdown shutdown,
    ILogger<EndpointGrain> logger) : Grain, IEndpointGrain, IRemindable
{
    public const string WakeReminder = "wake";
    // Strict mode reads the head this many at a time; the records of the successes among them commit while the
    // next ones are sent, so a batch costs one head read and at most one wait for a commit.
    private const int StrictPrefetch = 64;

    private readonly Dictionary<string, Task> _inFlight = [];
    private readonly RateGate _rate = new();
    private readonly SemaphoreSlim _stateWrite = new(1, 1);
    private IGrainTimer? _wakeTimer;
    private bool? _reminderRegistered;
    // Counts the signals that new work may be queued (publish, resend, recover, enable, reminder); the drain compares
    // it before and after a pass to know whether the queue can have grown meanwhile.
    private int _pokes;
    // Strict mode's place in the queue: every delivery up to _finishedUpTo has finished, and new work can only have
    // been queued after _newWorkAfter (lowered by each signal, back to "none" when the head is read). The head is read
    // after the lower of the two, so a long backlog is not re-scanned from its start (the index keeps the entries of
    // delivered rows until vacuum) and new work is never passed over.
    private long _finishedUpTo;
    private long _newWorkAfter = long.MaxValue;
    // Set by a reminder tick, cleared by any pass that finds work: a tick that finds the queue empty removes the
    // reminder, so a queue that empties and soon waits again (sparse traffic with failures) keeps it.
    private bool _tickFoundIdle;

    private string EndpointId => this.GetPrimaryKeyString();
    private bool IsActive => state.RecordExists && state.State.Status == WebhookStatus.Active;
    private bool IsConcurrent => state.State.Ordering == DeliveryOrdering.Concurrent;
    private string QueuedStatus => IsActive ? DeliveryStatuses.Pending : DeliveryStatuses.Held;

    public async Task<CreatedWebhook> CreateAsync(string accountId, WebhookSpec spec)
    {
        if (state.RecordExists)
        {
            throw new InvalidOperationException($"Endpoint {EndpointId} already exists.");
        }
        state.State = new EndpointState
        {
            AccountId = accountId,
            Status = WebhookStatus.Active,
            CreatedAt = time.GetUtcNow(),
        };
        state.State.Configure(spec, options.Value.DefaultTimeoutSeconds);
        var secret = secrets.Issue(EndpointId, state.State, spec.Secret);
        await WriteStateAsync();
        return new CreatedWebhook(View(), secret);
    }

    public async Task<RotatedSecret?> RotateSecretAsync(string? secret, TimeSpan gracePeriod)
    {
        if (!state.RecordExists)
        {
            return null;
        }
        var rotated = secrets.Rotate(EndpointId, state.State, secret, gracePeriod);
        await WriteStateAsync();
        return rotated;
    }

    public async Task<WebhookView?> UpdateAsync(WebhookSpec spec, long revision)
    {
        if (!state.RecordExists)
        {
            return null;
        }
        if (revision != state.State.Revision)
        {
            throw new WebhookChangedException(EndpointId, revision, state.State.Revision);
        }
        var scheme = (spec.Signature ?? SignatureProfile.StandardWebhooks).Scheme;
        if (scheme != state.State.Signature.Scheme && !secrets.SuitScheme(EndpointId, state.State, scheme))
        {
            throw new SecretUnsuitableException(scheme);
        }
        // Checked and applied without an await in between: a delivery pass interleaving here sees the old settings or the new.
        state.State.Configure(spec, options.Value.DefaultTimeoutSeconds);
        state.State.Revision++;
        await WriteStateAsync();
        WakeIn(TimeSpan.Zero);
        return View();
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

    public async Task<WebhookView?> DisableAsync()
    {
        if (!state.RecordExists)
        {
            return null;
        }
        if (IsActive)
        {
            await DisableForAsync(DisabledReasons.User);
        }
        return View();
    }

    public async Task<WebhookView?> EnableAsync()
    {
        if (!state.RecordExists)
        {
            return null;
        }
        state.State.Status = WebhookStatus.Active;
        state.State.DisabledReason = null;
        state.State.ConsecutiveFailures = 0;
        await WriteStateAsync();
        await queue.ReleaseAsync(EndpointId);
        Poke();
        return View();
    }

    public async Task<ResendOutcome> ResendAsync(string deliveryId)
    {
        if (!state.RecordExists)
        {
            return ResendOutcome.NotFound;
        }
        var result = await queue.RequeueAsync(EndpointId, deliveryId, QueuedStatus, time.GetUtcNow());
        Poke();
        return (ResendOutcome)(int)result;
    }

    public async Task<int> RecoverAsync(DateTimeOffset since)
    {
        if (!state.RecordExists)
        {
            return 0;
        }
        var recovered = await queue.RecoverAsync(EndpointId, since, QueuedStatus, time.GetUtcNow());
        Poke();
        return recovered;
    }

    public async Task<TestDeliveryResult?> SendTestAsync()
    {
        if (!state.RecordExists)
        {
            return null;
        }
        var now = time.GetUtcNow();
        var eventId = HeraldId.New("evt", time);
        var body = EventEnvelope.Write(eventId, OperationalEvents.WebhookTest, now,
            System.Text.Json.JsonSerializer.SerializeToElement(new Dictionary<string, string> { ["webhook_id"] = EndpointId }));
        var message = new QueuedDelivery(HeraldId.New("dlv", time), eventId, OperationalEvents.WebhookTest, body, 0, 0, now);
        var outcome = await sender.SendAsync(BuildRequest(message, now), CancellationToken.None);
        var attempt = new AttemptRecord(HeraldId.New("att", time), message.DeliveryId, EndpointId, eventId, OperationalEvents.WebhookTest, 1,
            outcome.IsSuccess, outcome.StatusCode, (int)outcome.Latency.TotalMilliseconds, outcome.Error, outcome.ResponseExcerpt, now, null,
            outcome.IsSuccess ? DeliveryStatuses.Succeeded : DeliveryStatuses.Failed);
        await queue.RecordTestAsync(state.State.AccountId, body, attempt);
        return new TestDeliveryResult(eventId, message.DeliveryId, outcome.IsSuccess, outcome.StatusCode, attempt.LatencyMs, outcome.Error, outcome.ResponseExcerpt);
    }

    public Task NotifyAsync(long fromSeq)
    {
        Poke(fromSeq > 0 ? fromSeq - 1 : 0);
        return Task.CompletedTask;
    }

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == WakeReminder)
        {
            _tickFoundIdle = true;
            Poke();
        }
        return Task.CompletedTask;
    }

    /// <summary>
    /// New work may be queued, after queue place <paramref name="after"/> (0: anywhere): drain now, and let a drain
    /// under way know it must look again, from there.
    /// </summary>
    private void Poke(long after = 0)
    {
        _pokes++;
        _newWorkAfter = Math.Min(_newWorkAfter, after);
        WakeIn(TimeSpan.Zero);
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

    private async Task DrainAsync(CancellationToken cancellationToken)
    {
        if (!state.RecordExists)
        {
            return;
        }
        if (!shutdown.TryEnter())
        {
            await HandOffAsync();
            return;
        }
        // A pass runs in the ordering mode it started in; one that saw the settings change is followed at once by a
        // fresh pass, which uses the new mode and does not wait on timings worked out from the old settings.
        var revision = state.State.Revision;
        try
        {
            if (!IsActive)
            {
                // Deliveries queued while disabled arrive as pending; a disabled endpoint holds them.
                await queue.HoldAsync(EndpointId, cancellationToken);
                await SetReminderAsync(false);
                return;
            }
            if (state.State.Ordering == DeliveryOrdering.Strict)
            {
                await DrainStrictAsync(cancellationToken);
            }
            else
            {
                await DrainConcurrentAsync(cancellationToken);
            }
        }
        finally
        {
            shutdown.Exit();
            if (state.State.Revision != revision)
            {
                Poke();
            }
        }
    }

    private async Task DrainStrictAsync(CancellationToken cancellationToken)
    {
        // Records of answered (2xx) attempts still committing. The next message may go out meanwhile: its
        // predecessor has succeeded, which is all strict order asks; a crash before the commit sends both again, in
        // order (at least once). The head is read again only once they have committed.
        var recording = new List<Task>(StrictPrefetch);
        try
        {
            while (!cancellationToken.IsCancellationRequested && IsActive && !IsConcurrent)
            {
                var pokes = _pokes;
                await Task.WhenAll(recording);
                recording.Clear();
                var after = Math.Min(_finishedUpTo, _newWorkAfter);
                _newWorkAfter = long.MaxValue;
                var head = await queue.PeekHeadAsync(EndpointId, after, StrictPrefetch, cancellationToken);
                if (head.Count == 0)
                {
                    await OnQueueEmptyAsync();
                    return;
                }
                _tickFoundIdle = false;
                // A short head that all succeeded was the whole queue, unless something was queued since it was read.
                var drained = head.Count < StrictPrefetch;
                foreach (var message in head)
                {
                    var now = time.GetUtcNow();
                    var wait = Later(message.NextAttemptAt - now, _rate.Wait(now));
                    if (wait > TimeSpan.Zero)
                    {
                        await WaitAsync(wait);
                        return;
                    }
                    if (shutdown.IsStopping)
                    {
                        await HandOffAsync();
                        return;
                    }
                    _rate.Take(now, state.State.RateLimit);
                    var (status, recorded) = await SendAndRecordAsync(message, cancellationToken);
                    recording.Add(recorded);
                    if (status != DeliveryStatuses.Pending)
                    {
                        _finishedUpTo = message.Seq;
                    }
                    if (status == DeliveryStatuses.Pending || !IsActive || IsConcurrent)
                    {
                        drained = false;
                        break; // the head waits for its retry: look again, which finds it not yet due (or the mode changed)
                    }
                }
                if (drained && pokes == _pokes)
                {
                    await OnQueueEmptyAsync();
                    return;
                }
            }
        }
        finally
        {
            await Task.WhenAll(recording);
        }
    }

    private async Task DrainConcurrentAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var now = time.GetUtcNow();
            var free = state.State.MaxInFlight - _inFlight.Count;
            if (free > 0 && IsConcurrent && IsActive && !shutdown.IsStopping && _rate.Wait(now) == TimeSpan.Zero)
            {
                foreach (var message in await queue.PeekDueAsync(EndpointId, now, free, _inFlight.Keys, cancellationToken))
                {
                    _tickFoundIdle = false;
                    // Read again after the query: a change made meanwhile (fewer in flight, strict order) binds from here.
                    if (_rate.Wait(time.GetUtcNow()) > TimeSpan.Zero || !IsConcurrent || _inFlight.Count >= state.State.MaxInFlight)
                    {
                        break;
                    }
                    _rate.Take(time.GetUtcNow(), state.State.RateLimit);
                    _inFlight[message.DeliveryId] = AttemptAsync(message, cancellationToken);
                }
            }
            if (_inFlight.Count == 0)
            {
                if (!IsConcurrent)
                {
                    return; // switched to strict: with nothing in flight any more, the next pass delivers in order
                }
                if (shutdown.IsStopping && IsActive)
                {
                    await HandOffAsync();
                    return;
                }
                var pokes = _pokes;
                if (!IsActive)
                {
                    await SetReminderAsync(false);
                    return;
                }
                if (await queue.EarliestDueAsync(EndpointId, cancellationToken) is not { } due)
                {
                    await OnQueueEmptyAsync();
                    return;
                }
                _tickFoundIdle = false;
                now = time.GetUtcNow();
                var wait = Later(due - now, _rate.Wait(now));
                // Work queued while the earliest due time was read may be due now: look again rather than sleep past it.
                if (wait > TimeSpan.Zero && pokes == _pokes)
                {
                    await WaitAsync(wait);
                    return;
                }
                continue;
            }
            await Task.WhenAny(_inFlight.Values);
            foreach (var done in _inFlight.Where(f => f.Value.IsCompleted).ToList())
            {
                _inFlight.Remove(done.Key);
                await done.Value;
            }
        }
    }

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
        if (IsActive && settings.OnExhausted == ExhaustionAction.Disable && state.State.ConsecutiveFailures >= settings.DisableAfter)
        {
            await DisableForAsync(DisabledReasons.Failures, email: settings.NotifyEmail is not null);
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

    /// <summary>
    /// The silo is stopping: what is queued stays due in PostgreSQL, and the wake reminder brings this endpoint back on
    /// another silo once this one has left (the recovery sweep is the backstop if even that fails).
    /// </summary>
    private async Task HandOffAsync()
    {
        try
        {
            await SetReminderAsync(true);
            LogHandOff(logger, EndpointId);
        }
        catch (Exception exception)
        {
            LogHandOffFailed(logger, EndpointId, exception);
        }
    }

    /// <summary>
    /// The queue is empty. The wake reminder stays until a tick of its own finds it so (at most one period later):
    /// removing it at once would cost a removal and a registration each time a queue empties and soon waits again.
    /// </summary>
    private async Task OnQueueEmptyAsync()
    {
        if (_tickFoundIdle)
        {
            await SetReminderAsync(false);
        }
    }

    private async Task WaitAsync(TimeSpan wait)
    {
        await SetReminderAsync(true);
        WakeIn(wait);
    }

    private OutgoingRequest BuildRequest(QueuedDelivery message, DateTimeOffset now)
    {
        var headers = new List<KeyValuePair<string, string>>(state.State.Headers);
        headers.AddRange(signer.Sign(EndpointId, state.State, message.EventId, message.EventType, message.Body, now));
        headers.Add(new("User-Agent", options.Value.UserAgent));
        return new OutgoingRequest(new Uri(state.State.Url), message.Body, headers, TimeSpan.FromSeconds(state.State.TimeoutSeconds));
    }

    /// <summary>Keeps the wake-up reminder registered exactly while work waits: two reminder writes per idle→waiting→idle cycle, none per message.</summary>
    private async Task SetReminderAsync(bool wanted)
    {
        _reminderRegistered ??= await this.GetReminder(WakeReminder) is not null;
        if (wanted == _reminderRegistered)
        {
            return;
        }
        if (wanted)
        {
            var period = options.Value.WakeReminderPeriod;
            await this.RegisterOrUpdateReminder(WakeReminder, period, period);
        }
        else if (await this.GetReminder(WakeReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
        HeraldMetrics.ReminderWrites.Add(1);
        _reminderRegistered = wanted;
    }

    /// <summary>Concurrent attempts finish side by side; their state writes take turns.</summary>
    private async Task WriteStateAsync()
    {
        await _stateWrite.WaitAsync();
        try
        {
            await state.WriteStateAsync();
        }
        finally
        {
            _stateWrite.Release();
        }
    }

    private static TimeSpan Later(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private WebhookView View() => new(
        EndpointId, state.State.AccountId, state.State.Url, state.State.Events, state.State.Source, state.State.Description,
        state.State.Retry, state.State.TimeoutSeconds, state.State.Headers, state.State.Status, state.State.DisabledReason,
        state.State.CreatedAt, state.State.Ordering, state.State.MaxInFlight, state.State.RateLimit, state.State.ConsecutiveFailures)
    {
        Signature = state.State.Signature,
        Revision = state.State.Revision,
    };

    // Successes are the hot path (thousands a second): Debug, so that the default log level costs nothing per delivery.
    [LoggerMessage(Level = LogLevel.Debug,
        Message = "Delivery attempt {Attempt} of event {EventId} to endpoint {EndpointId}: status {StatusCode}, delivered")]
    private static partial void LogDelivered(ILogger logger, string endpointId, string eventId, int attempt, int? statusCode);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Delivery attempt {Attempt} of event {EventId} to endpoint {EndpointId}: status {StatusCode}, error {Error}, delivery now {DeliveryStatus}")]
    private static partial void LogAttemptFailed(ILogger logger, string endpointId, string eventId, int attempt, int? statusCode, string? error, string deliveryStatus);

    [LoggerMessage(Level = LogLevel.Information, Message = "Endpoint {EndpointId} stops delivering: the silo is stopping; its queue stays due for another silo")]
    private static partial void LogHandOff(ILogger logger, string endpointId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Endpoint {EndpointId} could not register its wake reminder while the silo stops; the recovery sweep will wake it")]
    private static partial void LogHandOffFailed(ILogger logger, string endpointId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Endpoint {EndpointId} disabled ({Reason}); its queue is held")]
    private static partial void LogDisabled(ILogger logger, string endpointId, string reason);
}
