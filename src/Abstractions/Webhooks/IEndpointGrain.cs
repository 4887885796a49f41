using Orleans.Concurrency;

namespace Herald.Abstractions.Webhooks;

/// <summary>One customer endpoint (key: <c>wh_…</c>): its settings, secret and ordered delivery queue.</summary>
public interface IEndpointGrain : IGrainWithStringKey
{
    Task<CreatedWebhook> CreateAsync(string accountId, WebhookSpec spec);

    [AlwaysInterleave]
    Task<WebhookView?> GetAsync();

    /// <summary>
    /// Deletes the endpoint, first in memory (no attempt starts from then on; attempts in flight are abandoned), then
    /// durably as a tombstone. The account removes its index entry next and then calls <see cref="ForgetAsync"/>.
    /// Repeating it is safe. Interleaves with a delivery pass, so it answers whatever the receiver does.
    /// </summary>
    Task DeleteAsync();

    /// <summary>A deleted endpoint whose index entry has gone removes its queue, log and state.</summary>
    [OneWay]
    Task ForgetAsync();

    /// <summary>
    /// Replaces the endpoint's settings (all but its secret and status) with those of <paramref name="spec"/>; the next
    /// attempt, queued deliveries included, uses them. Interleaves with a delivery pass, which never sees half a change;
    /// a new ordering mode applies from the next pass. Null when the endpoint does not exist.
    /// </summary>
    /// <param name="revision">The <see cref="WebhookView.Revision"/> the change was built on.</param>
    /// <exception cref="WebhookChangedException">The settings changed since that revision.</exception>
    /// <exception cref="SecretUnsuitableException">A signing secret is not valid under the new scheme.</exception>
    [AlwaysInterleave]
    Task<WebhookView?> UpdateAsync(WebhookSpec spec, long revision);

    /// <summary>
    /// Pauses delivery (reason <c>user</c>); the queue is held, not dropped. Interleaves with a delivery pass, so
    /// that an endpoint whose receiver hangs can be paused at once; the pass stops after its current attempt.
    /// </summary>
    [AlwaysInterleave]
    Task<WebhookView?> DisableAsync();

    /// <summary>Resumes delivery: resets the failure count and delivers the held queue in order.</summary>
    [AlwaysInterleave]
    Task<WebhookView?> EnableAsync();

    /// <summary>Queues a finished delivery again at the tail with a fresh retry budget.</summary>
    Task<ResendOutcome> ResendAsync(string deliveryId);

    /// <summary>
    /// Queues every failed delivery created in [<paramref name="since"/>, <paramref name="until"/>) again, in order;
    /// returns how many. A null <paramref name="until"/> is open.
    /// </summary>
    Task<int> RecoverAsync(DateTimeOffset since, DateTimeOffset? until = null);

    /// <summary>
    /// Accepts a bulk retry of the failed deliveries that match <paramref name="filter"/>: the job is written to the
    /// endpoint's state before this returns (so it survives a restart), and the deliveries are queued again in bounded
    /// batches by the endpoint's delivery passes, at the tail, in their original order. Returns how many matched when
    /// it was accepted (nothing is written when none did); null when the endpoint does not exist.
    /// </summary>
    Task<BulkRetryResult?> RetryFailedAsync(FailedDeliveryFilter filter);

    /// <summary>
    /// Replaces the signing secret (with <paramref name="secret"/>, or a generated one); the current secret keeps signing
    /// beside the new one for <paramref name="gracePeriod"/>. Null when the endpoint does not exist.
    /// </summary>
    Task<RotatedSecret?> RotateSecretAsync(string? secret, TimeSpan gracePeriod);

    /// <summary>
    /// Sends a signed test event now (<c>webhook.test</c>, or the type and data of <paramref name="test"/>), outside
    /// the queue and whatever the endpoint's status, once (no retry), and logs the attempt; null when the endpoint
    /// does not exist.
    /// </summary>
    [AlwaysInterleave]
    Task<TestDeliveryResult?> SendTestAsync(TestEvent? test = null);

    /// <summary>
    /// Work may have been queued for this endpoint outside a publish's notice (the recovery sweep): read the queue and
    /// deliver what is due. <paramref name="fromSeq"/> is the lowest queue place the work can have (0: unknown, read
    /// the whole queue).
    /// </summary>
    [AlwaysInterleave, OneWay]
    Task NotifyAsync(long fromSeq);

    /// <summary>A publish has committed a delivery to this endpoint's queue: deliver it in its turn.</summary>
    [AlwaysInterleave, OneWay]
    Task NotifyQueuedAsync(DeliveryNotice notice);
}
