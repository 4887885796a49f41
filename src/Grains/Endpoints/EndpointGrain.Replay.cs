using Herald.Abstractions.Webhooks;

namespace Herald.Grains.Endpoints;

/// <summary>
/// Replay: a resend of one delivery, the recovery of failed deliveries in a time range, and bulk retries by filter.
/// Each changes the queue, so each marks the window stale and wakes the pass, which reads the queue in its turn.
/// </summary>
public sealed partial class EndpointGrain
{
    public async Task<ResendOutcome> ResendAsync(string deliveryId)
    {
        if (!_endpoint.Exists)
        {
            return ResendOutcome.NotFound;
        }
        // The status is read in the lane, with the write: an enable or disable cannot fall in between and leave the row held.
        var result = await _lane.RunAsync(() => _services.Queue.RequeueAsync(EndpointId, deliveryId, QueuedStatus, _services.Time.GetUtcNow()));
        _window.MarkStale();
        _wake.Now();
        return (ResendOutcome)(int)result;
    }

    public async Task<int> RecoverAsync(DateTimeOffset since, DateTimeOffset? until = null)
    {
        if (!_endpoint.Exists)
        {
            return 0;
        }
        var recovered = await _lane.RunAsync(() => _services.Queue.RecoverAsync(EndpointId, since, until, QueuedStatus, _services.Time.GetUtcNow()));
        _window.MarkStale();
        _wake.Now();
        return recovered;
    }

    public async Task<BulkRetryResult?> RetryFailedAsync(FailedDeliveryFilter filter)
    {
        if (!_endpoint.Exists)
        {
            return null;
        }
        var result = await _retries.AcceptAsync(filter);
        if (result is { Accepted: true, Matched: > 0 })
        {
            // Durable before the answer; the reminder brings the job back after a restart, the pass does the batches.
            await _wake.KeepReminderAsync();
            _wake.Now();
        }
        return result;
    }
}
