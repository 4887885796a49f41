using Herald.Abstractions.Events;
using Herald.Abstractions.Webhooks;
using Orleans.Concurrency;

namespace Herald.Abstractions.Accounts;

/// <summary>One account (key: <c>acct_…</c>): its settings and the index of its endpoints with their filters.</summary>
public interface IAccountGrain : IGrainWithStringKey
{
    Task<CreatedAccount> CreateAsync(string name, AccountSettings settings);

    /// <summary>Replaces the account's name and settings; null when the account does not exist.</summary>
    Task<AccountView?> UpdateAsync(string name, AccountSettings settings);

    [AlwaysInterleave]
    Task<AccountView?> GetAsync();

    /// <summary>
    /// Deletes the account: it stops taking publishes and webhooks, each webhook is deleted as
    /// <see cref="DeleteWebhookAsync"/> does (its grain's state and reminder go with it), then every row of the account
    /// in Herald's tables, then its own state. False when the account does not exist; a delete that failed half-way is
    /// repeated safely.
    /// </summary>
    Task<bool> DeleteAsync();

    /// <summary>Registers a new endpoint; null when the account does not exist.</summary>
    /// <exception cref="AccountLimitReachedException">The account already has the most webhooks allowed.</exception>
    /// <exception cref="SourceLimitReachedException">The spec's source already has the most webhooks allowed.</exception>
    Task<CreatedWebhook?> CreateWebhookAsync(WebhookSpec spec);

    /// <summary>
    /// Changes an endpoint's registration: the endpoint's settings, then its filter in the index, so that publishes
    /// after the answer match the new events and source. Null when the account or the endpoint does not exist.
    /// </summary>
    /// <exception cref="SourceLimitReachedException">The spec moves the endpoint to a source that has the most webhooks allowed.</exception>
    /// <exception cref="WebhookChangedException">The endpoint's settings changed since <paramref name="revision"/>.</exception>
    /// <exception cref="SecretUnsuitableException">A signing secret is not valid under the spec's scheme.</exception>
    Task<WebhookView?> UpdateWebhookAsync(string endpointId, WebhookSpec spec, long revision);

    /// <summary>Issues a new API key; the previous ones keep working for <paramref name="grace"/>. Null when the account does not exist.</summary>
    Task<RotatedKey?> RotateKeyAsync(TimeSpan grace);

    /// <summary>Endpoint ids, newest first.</summary>
    [AlwaysInterleave]
    Task<IReadOnlyList<string>> ListWebhooksAsync();

    /// <summary>
    /// Deletes an endpoint: the endpoint first (it stops delivering and keeps a tombstone), then its index entry, then
    /// the endpoint's rows. False when the index does not hold it; a delete that failed half-way is repeated safely.
    /// </summary>
    Task<bool> DeleteWebhookAsync(string endpointId);

    /// <summary>Whether the index holds the endpoint: a deleted endpoint's tombstone asks, to know it may go.</summary>
    [AlwaysInterleave]
    Task<bool> IndexesAsync(string endpointId);

    /// <summary>
    /// The endpoint is disabled: publishes from now on queue its deliveries held, rather than pending for the endpoint
    /// to hold. Kept in memory only: a new activation queues pending again until the endpoint says so once more.
    /// </summary>
    [AlwaysInterleave]
    Task HoldDeliveriesAsync(string endpointId);

    /// <summary>
    /// The endpoint is being enabled: publishes from now on queue its deliveries pending. Answers once every publish
    /// that may have queued one held has committed (or failed), so that the endpoint's release of its held rows, which
    /// follows, finds them all.
    /// </summary>
    [AlwaysInterleave]
    Task ReleaseDeliveriesAsync(string endpointId);

    /// <summary>Durably stores the event and its fan-out, then wakes the endpoints; null when the account does not exist.</summary>
    /// <remarks>Interleaves: publishes only read the index, and their database commits run side by side.</remarks>
    /// <exception cref="PayloadTooLargeException">The body as it would be sent exceeds <see cref="PublishCommand.MaxBodyBytes"/>.</exception>
    [AlwaysInterleave]
    Task<PublishResult?> PublishAsync(PublishCommand command);
}
