using System.Collections.Frozen;
using Herald.Abstractions.Accounts;
using Herald.Abstractions.Events;
using Herald.Abstractions.Ids;
using Herald.Abstractions.Webhooks;
using Herald.Grains.Events;
using Herald.Grains.Hosting;
using Herald.Grains.Limits;
using Herald.Grains.Payloads;
using Herald.Grains.Routing;
using Herald.Grains.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Herald.Grains.Accounts;

public sealed class AccountGrain(
    [PersistentState("account", HeraldStorage.Name)] IPersistentState<AccountState> state,
    EventStore events,
    ApiKeyStore keys,
    AccountStore accounts,
    IOptions<LimitsOptions> limits,
    TimeProvider time,
    ILogger<AccountGrain> logger) : Grain, IAccountGrain
{
    // The place of each endpoint's latest delivery, as this activation's publishes queued them (see DeliveryNotice).
    private readonly EndpointPlaces _places = new();

    // The disabled endpoints, as they told this activation: their deliveries are queued held (see HoldDeliveriesAsync).
    private readonly HashSet<string> _held = [];

    // The appends under way that queue a held delivery, which a release waits for (the others need no bookkeeping).
    private readonly HashSet<Task<AppendResult>> _heldAppends = [];

    // Marked before the state is cleared, so that no interleaved read takes the blank state for an account.
    private readonly StateRecord<AccountState> _record = new(state);

    private string AccountId => this.GetPrimaryKeyString();

    /// <summary>The account exists and no delete of it has begun.</summary>
    private bool Exists => _record.Exists && !state.State.Deleting;

    public async Task<CreatedAccount> CreateAsync(string name, AccountSettings settings)
    {
        if (state.RecordExists)
        {
            throw new InvalidOperationException($"Account {AccountId} already exists.");
        }
        state.State = new AccountState { Name = name, CreatedAt = time.GetUtcNow(), Settings = settings };
        // Listed first: a crash before the state is written leaves a row the list skips, never an account it misses.
        await accounts.SaveAsync(AccountId, settings.Retention, state.State.CreatedAt);
        await state.WriteStateAsync();
        var apiKey = ApiKeyStore.NewKey();
        await keys.AddAsync(apiKey, AccountId);
        return new CreatedAccount(View(), apiKey);
    }

    public async Task<RotatedKey?> RotateKeyAsync(TimeSpan grace)
    {
        if (!Exists)
        {
            return null;
        }
        var apiKey = ApiKeyStore.NewKey();
        var previousExpiresAt = await keys.RotateAsync(AccountId, apiKey, grace);
        return new RotatedKey(apiKey, previousExpiresAt);
    }

    public Task<AccountView?> GetAsync() => Task.FromResult(Exists ? View() : null);

    public async Task<bool> DeleteAsync()
    {
        if (!state.RecordExists)
        {
            return false;
        }
        if (!state.State.Deleting)
        {
            state.State.Deleting = true;
            await state.WriteStateAsync();
        }
        // Each through the webhooks' own durable delete: tombstone, index entry, then the endpoint's rows, state and reminder.
        foreach (var endpointId in state.State.Endpoints.Select(e => e.EndpointId).ToList())
        {
            await DeleteWebhookAsync(endpointId);
        }
        await accounts.PurgeAsync(AccountId);
        _record.BeginClear();
        await state.ClearStateAsync();
        DeactivateOnIdle();
        return true;
    }

    public async Task<AccountView?> UpdateAsync(string name, AccountSettings settings)
    {
        if (!Exists)
        {
            return null;
        }
        if (settings.Retention != state.State.Settings.Retention)
        {
            await accounts.SaveAsync(AccountId, settings.Retention, state.State.CreatedAt);
        }
        state.State.Name = name;
        state.State.Settings = settings;
        await state.WriteStateAsync();
        return View();
    }

    public async Task<CreatedWebhook?> CreateWebhookAsync(WebhookSpec spec)
    {
        if (!Exists)
        {
            return null;
        }
        // Counted and added in one turn of this non-reentrant grain: concurrent registrations cannot both take the last place.
        if (state.State.Endpoints.Count >= limits.Value.MaxWebhooksPerAccount)
        {
            throw new AccountLimitReachedException(limits.Value.MaxWebhooksPerAccount);
        }
        EnsureRoomIn(spec.Source);
        var endpointId = HeraldId.New("wh", time);
        spec = WithDefaults(spec);
        var created = await GrainFactory.Grain<IEndpointGrain>(endpointId).CreateAsync(AccountId, spec);
        state.State.Endpoints.Add(new EndpointFilter(endpointId, spec.Events, spec.Source));
        await state.WriteStateAsync();
        await AnnounceAsync(OperationalEvents.WebhookCreated, WebhookLifecycle.Data(created.Webhook), endpointId);
        return created;
    }

    public async Task<WebhookView?> UpdateWebhookAsync(string endpointId, WebhookSpec spec, long revision)
    {
        var index = state.State.Endpoints.FindIndex(e => e.EndpointId == endpointId);
        if (!Exists || index < 0)
        {
            return null;
        }
        // The endpoint keeps its own place: only a move to another source has to find room there.
        if (spec.Source != state.State.Endpoints[index].Source)
        {
            EnsureRoomIn(spec.Source);
        }
        spec = WithDefaults(spec);
        // The endpoint may refuse (a secret unfit for a new scheme, a newer revision): the index changes only once it has accepted.
        if (await GrainFactory.Grain<IEndpointGrain>(endpointId).UpdateAsync(spec, revision) is not { } updated)
        {
            return null;
        }
        // Replaced in place, in this turn: publishes, which interleave, match either the old filter or the new one.
        state.State.Endpoints[index] = new EndpointFilter(endpointId, spec.Events, spec.Source);
        await state.WriteStateAsync();
        await AnnounceAsync(OperationalEvents.WebhookUpdated, WebhookLifecycle.Data(updated), endpointId);
        return updated;
    }

    public Task<IReadOnlyList<string>> ListWebhooksAsync() =>
        Task.FromResult<IReadOnlyList<string>>(state.State.Endpoints.Select(e => e.EndpointId).Reverse().ToList());

    public async Task<bool> DeleteWebhookAsync(string endpointId)
    {
        if (!state.State.Endpoints.Exists(e => e.EndpointId == endpointId))
        {
            return false;
        }
        // Endpoint first: once its tombstone is written it sends nothing more. A failure or a crash after that leaves it
        // in the index, so a repeated delete finds it and finishes the job.
        var endpoint = GrainFactory.Grain<IEndpointGrain>(endpointId);
        await endpoint.DeleteAsync();
        state.State.Endpoints.RemoveAll(e => e.EndpointId == endpointId);
        _places.Forget(endpointId);
        _held.Remove(endpointId);
        await state.WriteStateAsync();
        endpoint.ForgetAsync().Ignore();
        await AnnounceAsync(OperationalEvents.WebhookDeleted, new { WebhookId = endpointId }, endpointId);
        return true;
    }

    public Task<bool> IndexesAsync(string endpointId) => Task.FromResult(state.State.Endpoints.Exists(e => e.EndpointId == endpointId));

    public Task HoldDeliveriesAsync(string endpointId)
    {
        if (state.State.Endpoints.Exists(e => e.EndpointId == endpointId))
        {
            _held.Add(endpointId);
        }
        return Task.CompletedTask;
    }

    public async Task ReleaseDeliveriesAsync(string endpointId)
    {
        if (!_held.Remove(endpointId))
        {
            return;
        }
        // Matching happens before an append's first await, so only the appends already under way can hold a delivery.
        foreach (var append in _heldAppends.ToList())
        {
            try
            {
                await append;
            }
            catch (Exception)
            {
                // Its publisher sees the failure; here it only matters that the append has ended.
            }
        }
    }

    public async Task<PublishResult?> PublishAsync(PublishCommand command)
    {
        if (!Exists)
        {
            return null;
        }
        if (command.IsPayload && state.State.Settings.CanonicalJson)
        {
            // The stored bytes are the sent bytes: canonicalised once, here, before they are signed and stored.
            command = command with { Body = EcmaJson.Canonicalize(command.Body) };
        }
        // Checked on the bytes that will be sent: canonical numbers can be longer than the ones published (1e20).
        if (command.MaxBodyBytes > 0 && command.Body.Length > command.MaxBodyBytes)
        {
            throw new PayloadTooLargeException(command.Body.Length, command.MaxBodyBytes);
        }
        // Matching runs before the first await, so it sees one consistent index even though publishes interleave.
        var endpoints = Match(command.Type, command.Source);
        var held = HeldAmong(endpoints);
        var append = events.AppendAsync(AccountId, command, endpoints, held, _places);
        if (held.Count > 0)
        {
            _heldAppends.Add(append);
        }
        AppendResult stored;
        try
        {
            stored = await append;
        }
        finally
        {
            _heldAppends.Remove(append);
        }
        foreach (var queued in stored.Queued)
        {
            GrainFactory.Grain<IEndpointGrain>(queued.EndpointId).NotifyQueuedAsync(new DeliveryNotice(
                queued.DeliveryId, queued.Seq, queued.PreviousSeq, command.EventId, command.Type, queued.Held ? [] : command.Body,
                command.Timestamp, queued.Held)).Ignore();
        }
        return stored.Result;
    }

    private IReadOnlyList<string> Match(string eventType, string? source)
    {
        var operational = OperationalEvents.IsOperational(eventType);
        return state.State.Endpoints
            .Where(e => (e.Source is null || e.Source == source)
                && e.Events.Any(p => (!operational || p != "*") && EventTypePattern.Matches(p, eventType)))
            .Select(e => e.EndpointId)
            .ToList();
    }

    private IReadOnlySet<string> HeldAmong(IReadOnlyList<string> endpoints)
    {
        if (_held.Count == 0)
        {
            return FrozenSet<string>.Empty;
        }
        return endpoints.Where(_held.Contains).ToHashSet();
    }

    /// <summary>
    /// A webhook's lifecycle event, published by this grain itself once the index is written (best effort), and only
    /// when a webhook of the account subscribes to it: these are frequent, and an event nobody receives is not stored.
    /// </summary>
    private Task AnnounceAsync(string type, object data, string endpointId) =>
        Match(type, null).Count == 0 ? Task.CompletedTask : WebhookLifecycle.AnnounceAsync(PublishAsync, type, data, time, logger, endpointId);

    /// <exception cref="SourceLimitReachedException">The source already has as many webhooks as the account allows.</exception>
    private void EnsureRoomIn(string? source)
    {
        var perSource = state.State.Settings.MaxWebhooksPerSource ?? limits.Value.MaxWebhooksPerSource;
        if (source is not null && state.State.Endpoints.Count(e => e.Source == source) >= perSource)
        {
            throw new SourceLimitReachedException(source, perSource);
        }
    }

    /// <summary>The account's defaults where the spec leaves retry, timeout or signature to them.</summary>
    private WebhookSpec WithDefaults(WebhookSpec spec)
    {
        var settings = state.State.Settings;
        return spec with
        {
            Retry = spec.Retry ?? settings.Retry,
            TimeoutSeconds = spec.TimeoutSeconds ?? settings.TimeoutSeconds,
            Signature = spec.Signature ?? settings.Signature,
        };
    }

    private AccountView View() => new(AccountId, state.State.Name, state.State.CreatedAt, state.State.Settings);
}
