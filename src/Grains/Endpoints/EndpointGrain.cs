using Herald.Abstractions.Accounts;
using Herald.Abstractions.Events;
using Herald.Abstractions.Signatures;
using Herald.Abstractions.Webhooks;
using Herald.Grains.Events;
using Herald.Grains.Hosting;
using Herald.Grains.Storage;
using Microsoft.Extensions.Logging;
using Orleans.Placement;

namespace Herald.Grains.Endpoints;

/// <summary>
/// One customer endpoint: its settings, secrets and status, and the owner of its ordered queue. Publishes tell it
/// each new delivery (<see cref="NotifyQueuedAsync"/>), which it keeps in its <see cref="QueueWindow"/>; delivery runs
/// in passes (<see cref="StrictDrain"/>, <see cref="ConcurrentDrain"/>) that the <see cref="WakeScheduler"/> runs on an
/// interleaving timer, so every control call below answers without waiting for an attempt; the
/// <see cref="FailurePolicy"/> decides retries and applies what a failed delivery causes.
/// Endpoints are placed at random rather than beside the account grain that creates and notifies them, so that one
/// account's endpoints — the unit of delivery work — spread over every silo.
/// </summary>
[RandomPlacement]
public sealed partial class EndpointGrain : Grain, IEndpointGrain, IRemindable
{
    private const string WakeReminder = WakeScheduler.ReminderName;

    private readonly IPersistentState<EndpointState> _state;
    private readonly EndpointServices _services;
    private readonly ILogger<EndpointGrain> _logger;
    private readonly EndpointContext _endpoint;
    private readonly ChangeLane _lane = new();
    private readonly QueueWindow _window;
    private readonly EndpointStatus _status;
    private readonly DeliveryPass _pass;
    private readonly WakeScheduler _wake;
    private readonly TestSend _test;
    private readonly BulkRetry _retries;

    public EndpointGrain(
        [PersistentState("endpoint", HeraldStorage.Name)] IPersistentState<EndpointState> state,
        EndpointServices services,
        ILogger<EndpointGrain> logger)
    {
        _state = state;
        _services = services;
        _logger = logger;
        var options = services.Options;
        _endpoint = new EndpointContext(this.GetPrimaryKeyString(), state);
        _window = new QueueWindow(services.Budget, options.Value.QueueWindow);
        _status = new EndpointStatus(_endpoint, services.Queue, GrainFactory, services.Time, logger);
        var failures = new FailurePolicy(_endpoint, _lane, _status, services.Outbox, GrainFactory, options, services.Time);
        var attempts = new AttemptRunner(_endpoint, services.Sender, services.Signer, failures, options, services.Time, logger);
        _retries = new BulkRetry(_endpoint, _lane, services.Requeue, services.Time);
        _pass = new DeliveryPass(_endpoint, _window, _lane, _status, failures, _retries, services.Shutdown);
        _wake = new WakeScheduler(this, _endpoint.Id, _pass.RunAsync, options, logger);
        _test = new TestSend(_endpoint, attempts, services.Queue, services.Time);
        var recorder = new AttemptRecorder(services.Queue, _pass.ApplyConsequencesAsync);
        var parts = new DrainParts(_endpoint, _window, services.Queue, recorder, attempts, failures, _wake, services.Shutdown, services.Time);
        _pass.Use(new StrictDrain(parts), new ConcurrentDrain(parts, options.Value.QueueWindow, logger));
    }

    private string EndpointId => _endpoint.Id;
    private string QueuedStatus => _endpoint.IsActive ? DeliveryStatuses.Pending : DeliveryStatuses.Held;

    public async Task<CreatedWebhook> CreateAsync(string accountId, WebhookSpec spec)
    {
        if (_state.RecordExists)
        {
            throw new InvalidOperationException($"Endpoint {EndpointId} already exists.");
        }
        _state.State = new EndpointState { AccountId = accountId, Status = WebhookStatus.Active, CreatedAt = _services.Time.GetUtcNow() };
        _state.State.Configure(spec, _services.Options.Value.DefaultTimeoutSeconds);
        var secret = _services.Secrets.Issue(EndpointId, _state.State, spec.Secret);
        await _lane.RunAsync(_state.WriteStateAsync);
        _pass.OutboxIsEmpty();
        return new CreatedWebhook(View(), secret);
    }

    public async Task<WebhookView?> GetAsync()
    {
        if (_endpoint.IsTombstone)
        {
            await ForgetIfUnindexedAsync();
        }
        // Read after the await: this call interleaves with every other, and a forget that began meanwhile (its own or
        // the account's) is clearing the state. A tombstone still in its account's index shows itself, so that a
        // repeated delete finds it and finishes.
        return _endpoint.IsRecorded ? View() : null;
    }

    public async Task<WebhookView?> UpdateAsync(WebhookSpec spec, long revision)
    {
        if (!_endpoint.Exists)
        {
            return null;
        }
        if (revision != _state.State.Revision)
        {
            throw new WebhookChangedException(EndpointId, revision, _state.State.Revision);
        }
        var scheme = (spec.Signature ?? SignatureProfile.StandardWebhooks).Scheme;
        if (scheme != _state.State.Signature.Scheme && !_services.Secrets.SuitScheme(EndpointId, _state.State, scheme))
        {
            throw new SecretUnsuitableException(scheme);
        }
        // Checked and applied without an await in between: a delivery pass interleaving here sees the old settings or the new.
        _state.State.Configure(spec, _services.Options.Value.DefaultTimeoutSeconds);
        _state.State.Revision++;
        await _lane.RunAsync(_state.WriteStateAsync);
        _window.MarkStale();
        _wake.Now();
        return View();
    }

    public async Task<RotatedSecret?> RotateSecretAsync(string? secret, TimeSpan gracePeriod)
    {
        if (!_endpoint.Exists)
        {
            return null;
        }
        var rotated = await _lane.RunAsync(async () =>
        {
            var rotated = _services.Secrets.Rotate(EndpointId, _state.State, secret, gracePeriod);
            await _state.WriteStateAsync();
            return rotated;
        });
        await AnnounceAsync(OperationalEvents.SecretRotated, new { WebhookId = EndpointId, PreviousSecretExpiresAt = rotated.PreviousExpiresAt });
        return rotated;
    }

    public async Task DeleteAsync()
    {
        if (!_endpoint.IsRecorded)
        {
            return;
        }
        // In memory first: no attempt starts from here on, and the ones in flight are abandoned; then durable.
        _endpoint.MarkDeleted();
        _wake.Stop();
        _window.Clear();
        await _lane.RunAsync(_state.WriteStateAsync);
    }

    public async Task ForgetAsync()
    {
        // One removal at a time: the account's and a read's or wake-up's may both arrive.
        if (!_endpoint.BeginForget())
        {
            return;
        }
        try
        {
            await _services.Queue.DeleteEndpointAsync(EndpointId);
            await _wake.ForgetReminderAsync();
            await _lane.RunAsync(_state.ClearStateAsync);
            DeactivateOnIdle();
        }
        catch (Exception exception)
        {
            _endpoint.ForgetFailed();
            LogForgetFailed(_logger, EndpointId, exception);
        }
    }

    public async Task<WebhookView?> DisableAsync()
    {
        if (!_endpoint.Exists)
        {
            return null;
        }
        var disabled = await _lane.RunAsync(async () =>
        {
            if (!_endpoint.IsActive)
            {
                return false;
            }
            await _status.DisableAsync(DisabledReasons.User, _services.Time.GetUtcNow(), email: false);
            return true;
        });
        if (disabled)
        {
            _window.Clear();
            _wake.Now(); // the pass holds what publishes queue meanwhile, and lets the reminder go
            await _status.AnnounceDisabledAsync(DisabledReasons.User);
        }
        return View();
    }

    public async Task<WebhookView?> EnableAsync()
    {
        if (!_endpoint.Exists)
        {
            return null;
        }
        var enabled = await _lane.RunAsync(async () =>
        {
            var wasDisabled = !_endpoint.IsActive;
            await _status.EnableAsync();
            return wasDisabled;
        });
        _window.MarkStale();
        _wake.Now();
        if (enabled)
        {
            await AnnounceAsync(OperationalEvents.WebhookEnabled, WebhookLifecycle.Data(View()));
        }
        return View();
    }

    public async Task<TestDeliveryResult?> SendTestAsync(TestEvent? test = null) =>
        _endpoint.Exists ? await _test.RunAsync(test ?? TestEvent.Ping) : null;

    public Task NotifyQueuedAsync(DeliveryNotice notice)
    {
        if (notice.Held)
        {
            // Queued held, as the account does while this endpoint is disabled: nothing to do then. An active endpoint
            // releases what was held before it reads its queue again.
            if (_endpoint.Exists && _endpoint.IsActive)
            {
                _pass.StrayHeldQueued();
                _wake.Now();
            }
            return Task.CompletedTask;
        }
        if (_endpoint.Exists)
        {
            _window.Offer(notice);
            _wake.Now();
        }
        return Task.CompletedTask;
    }

    public async Task NotifyAsync(long fromSeq)
    {
        if (_endpoint.IsTombstone)
        {
            await ForgetIfUnindexedAsync();
            return;
        }
        if (_endpoint.Exists)
        {
            _window.MarkStale(fromSeq > 0 ? fromSeq - 1 : 0);
            _pass.OutboxMayHoldRows();
            _wake.Now();
        }
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != WakeReminder)
        {
            return;
        }
        if (_endpoint.IsTombstone)
        {
            await ForgetIfUnindexedAsync();
            return;
        }
        _pass.OutboxMayHoldRows();
        _window.MarkStale();
        _wake.ReminderTicked();
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _window.Clear(); // gives its bytes back to the silo's budget
        _services.Turnover.EndpointDeactivated();
        return Task.CompletedTask;
    }

    /// <summary>A tombstone whose account no longer indexes it removes its rows and state; true when it is gone.</summary>
    private async Task ForgetIfUnindexedAsync()
    {
        if (!await GrainFactory.Grain<IAccountGrain>(_state.State.AccountId).IndexesAsync(EndpointId))
        {
            await ForgetAsync();
        }
    }

    /// <summary>One of the webhook's lifecycle events, once its change is durable (best effort, see <see cref="WebhookLifecycle"/>).</summary>
    private Task AnnounceAsync(string type, object data) =>
        WebhookLifecycle.AnnounceAsync(GrainFactory.Grain<IAccountGrain>(_state.State.AccountId).PublishAsync, type, data, _services.Time, _logger, EndpointId);

    private WebhookView View() => new(
        EndpointId, _state.State.AccountId, _state.State.Url, _state.State.Events, _state.State.Source, _state.State.Description,
        _state.State.Retry, _state.State.TimeoutSeconds, _state.State.Headers, _state.State.Status, _state.State.DisabledReason,
        _state.State.CreatedAt, _state.State.Ordering, _state.State.MaxInFlight, _state.State.RateLimit, _state.State.ConsecutiveFailures)
    {
        Signature = _state.State.Signature,
        Revision = _state.State.Revision,
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Deleted endpoint {EndpointId} could not remove its rows and state yet; it will on its next wake-up or read")]
    private static partial void LogForgetFailed(ILogger logger, string endpointId, Exception exception);
}
