using Herald.Abstractions.Webhooks;
using Herald.Grains.Storage;

namespace Herald.Grains.Endpoints;

/// <summary>
/// Bulk retries of failed deliveries. Accepting one writes it to the endpoint's state (so a silo restart resumes it:
/// the wake reminder is kept while one waits); the delivery passes then requeue its deliveries one batch per pass, in
/// the lane (the queued status is read with the write, as for a resend), at the tail and in their original order,
/// between the passes' attempts. A job is done when a batch comes back short.
/// </summary>
internal sealed class BulkRetry(EndpointContext endpoint, ChangeLane lane, FailedRequeue store, TimeProvider time)
{
    /// <summary>Deliveries requeued by one batch: one statement, well under a pass's budget.</summary>
    public const int Batch = 500;

    public bool HasWork => endpoint.Exists && endpoint.State.Retries.Count > 0;

    public Task<BulkRetryResult> AcceptAsync(FailedDeliveryFilter filter) => lane.RunAsync(async () =>
    {
        if (endpoint.State.Retries.Count >= BulkRetryResult.MaxPending)
        {
            return new BulkRetryResult(false, 0);
        }
        var (count, upTo) = await store.CountAsync(endpoint.Id, filter);
        if (count > 0)
        {
            endpoint.State.Retries = [.. endpoint.State.Retries, new BulkRetryJob(filter, upTo)];
            await endpoint.Store.WriteStateAsync();
        }
        return new BulkRetryResult(true, count);
    });

    /// <summary>Requeues the next batch of the oldest job; true when it queued any delivery.</summary>
    public Task<bool> RunBatchAsync() => lane.RunAsync(async () =>
    {
        if (!HasWork)
        {
            return false;
        }
        var job = endpoint.State.Retries[0];
        var status = endpoint.IsActive ? DeliveryStatuses.Pending : DeliveryStatuses.Held;
        var queued = await store.RequeueBatchAsync(endpoint.Id, job.Filter, job.UpTo, Batch, status, time.GetUtcNow());
        if (queued < Batch)
        {
            endpoint.State.Retries = endpoint.State.Retries.Skip(1).ToList();
            await endpoint.Store.WriteStateAsync();
        }
        return queued > 0;
    });
}
