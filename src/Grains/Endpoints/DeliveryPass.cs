using Herald.Grains.Delivery;
using Herald.Grains.Storage;

namespace Herald.Grains.Endpoints;

/// <summary>
/// One delivery pass of an endpoint: first the failure outbox when rows may wait there (a new activation, a reminder
/// tick, a consequence that failed), then one batch of a bulk retry if one is under way, then, if the endpoint is
/// active, its queue in the ordering mode it has now; a disabled endpoint holds what was queued meanwhile instead.
/// While a bulk retry has batches left, the pass asks for the next one at once (and keeps the wake reminder).
/// </summary>
internal sealed class DeliveryPass(
    EndpointContext endpoint, QueueWindow window, ChangeLane lane, EndpointStatus status, FailurePolicy failures, BulkRetry retries,
    DeliveryShutdown shutdown)
{
    private StrictDrain? _strict;
    private ConcurrentDrain? _concurrent;
    private bool _outboxDue = true;
    private bool _strayHeld;

    /// <summary>The drains, which need the scheduler that needs this pass.</summary>
    public void Use(StrictDrain strict, ConcurrentDrain concurrent)
    {
        _strict = strict;
        _concurrent = concurrent;
    }

    /// <summary>The outbox is known to be empty (a new endpoint).</summary>
    public void OutboxIsEmpty() => _outboxDue = false;

    /// <summary>Rows may wait in the outbox: the next pass applies them.</summary>
    public void OutboxMayHoldRows() => _outboxDue = true;

    /// <summary>A delivery was queued held while the endpoint is active: the next active pass releases the held rows first.</summary>
    public void StrayHeldQueued() => _strayHeld = true;

    public async Task<PassEnd> RunAsync(CancellationToken cancellationToken)
    {
        if (!endpoint.Exists)
        {
            return PassEnd.Stopped;
        }
        if (!shutdown.TryEnter())
        {
            return PassEnd.HandOff;
        }
        try
        {
            if (_outboxDue)
            {
                _outboxDue = false;
                await GuardAsync(failures.ApplyPendingAsync);
            }
            if (retries.HasWork && await retries.RunBatchAsync())
            {
                window.MarkStale(); // the batch went to the tail: the window reads it in its turn
            }
            return ContinueRetries(await DrainAsync(cancellationToken));
        }
        finally
        {
            shutdown.Exit();
        }
    }

    private async Task<PassEnd> DrainAsync(CancellationToken cancellationToken)
    {
        if (!endpoint.IsActive)
        {
            window.Clear();
            await lane.RunAsync(status.HoldIfDisabledAsync);
            return PassEnd.Stopped;
        }
        if (_strayHeld)
        {
            _strayHeld = false;
            try
            {
                await lane.RunAsync(status.ReleaseStrayHeldAsync);
            }
            catch
            {
                _strayHeld = true;
                throw;
            }
            window.MarkStale();
        }
        if (endpoint.IsConcurrent)
        {
            return await _concurrent!.RunAsync(cancellationToken);
        }
        // Switched from concurrent order: the attempts still in flight end before strict order sends anything.
        await _concurrent!.WhenIdleAsync();
        return await _strict!.RunAsync(cancellationToken);
    }

    /// <summary>A bulk retry with batches left runs its next batch in the next pass, at once, and keeps the reminder meanwhile.</summary>
    private PassEnd ContinueRetries(PassEnd end) =>
        retries.HasWork && end.Kind is PassEndKind.Idle or PassEndKind.Wait or PassEndKind.Stopped ? PassEnd.WaitFor(TimeSpan.Zero) : end;

    /// <summary>Applies a failed delivery's consequences once its record is durable; if that fails, the row stays for the next pass.</summary>
    public Task ApplyConsequencesAsync(FailedDelivery failed) => GuardAsync(() => failures.ApplyAsync(failed));

    private async Task GuardAsync(Func<Task> apply)
    {
        try
        {
            await apply();
        }
        catch
        {
            _outboxDue = true;
            throw;
        }
    }
}
