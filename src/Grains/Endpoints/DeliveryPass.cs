using Herald.Grains.Delivery;
using Herald.Grains.Storage;

namespace Herald.Grains.Endpoints;

/// <summary>
/// One delivery pass of an endpoint: first the failure outbox when rows may wait there (a new activation, a reminder
/// tick, a consequence that failed), then, if the endpoint is active, its queue in the ordering mode it has now; a
/// disabled endpoint holds what was queued meanwhile instead.
/// </summary>
internal sealed class DeliveryPass(
    EndpointContext endpoint, QueueWindow window, ChangeLane lane, EndpointStatus status, FailurePolicy failures, DeliveryShutdown shutdown)
{
    private StrictDrain? _strict;
    private ConcurrentDrain? _concurrent;
    private bool _outboxDue = true;

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
            if (!endpoint.IsActive)
            {
                window.Clear();
                await lane.RunAsync(status.HoldIfDisabledAsync);
                return PassEnd.Stopped;
            }
            if (endpoint.IsConcurrent)
            {
                return await _concurrent!.RunAsync(cancellationToken);
            }
            // Switched from concurrent order: the attempts still in flight end before strict order sends anything.
            await _concurrent!.WhenIdleAsync();
            return await _strict!.RunAsync(cancellationToken);
        }
        finally
        {
            shutdown.Exit();
        }
    }

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
