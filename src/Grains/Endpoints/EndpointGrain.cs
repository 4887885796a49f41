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
    // Enable, disable and holding a disabled endpoint's queue interleave with delivery passes; they take turns, so a
    // hold can never land after the release that should follow it.
    private readonly SemaphoreSlim _statusChange = new(1, 1);
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
        Poke();
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
        await _statusChange.WaitAsync();
        try
        {
            if (IsActive)
            {
                await DisableForAsync(DisabledReasons.User);
            }
        }
        finally
        {
            _statusChange.Release();
        }
        return View();
    }

    public async Task<WebhookView?> EnableAsync()
    {
        if (!state.RecordExists)
        {
            return null;
        }
        await _statusChange.WaitAsync();
        try
        {
            state.State.Status = WebhookStatus.Active;
            state.State.DisabledReason = null;
            state.State.ConsecutiveFailures = 0;
            await WriteStateAsync();
            await queue.ReleaseAsync(EndpointId);
        }
        finally
        {
            _statusChange.Release();
        }
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

    private WebhookView View() => new(
        EndpointId, state.State.AccountId, state.State.Url, state.State.Events, state.State.Source, state.State.Description,
        state.State.Retry, state.State.TimeoutSeconds, state.State.Headers, state.State.Status, state.State.DisabledReason,
        state.State.CreatedAt, state.State.Ordering, state.State.MaxInFlight, state.State.RateLimit, state.State.ConsecutiveFailures)
    {
        Signature = state.State.Signature,
        Revision = state.State.Revision,
    };
}
