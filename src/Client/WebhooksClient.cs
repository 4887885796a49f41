using System.Text.Json.Nodes;
using Herald.Client.Models;

namespace Herald.Client;

/// <summary><c>/v1/webhooks</c>: registrations, their control, and their delivery log.</summary>
public sealed class WebhooksClient
{
    private readonly HeraldConnection _connection;

    internal WebhooksClient(HeraldConnection connection) => _connection = connection;

    /// <summary>Registers a webhook; the answer carries its signing secret, shown this once. Sent again safely (an <c>Idempotency-Key</c>).</summary>
    public Task<Webhook> CreateAsync(CreateWebhookRequest request, CancellationToken cancellationToken = default) =>
        _connection.SendAsync<Webhook>(HttpMethod.Post, "v1/webhooks", request, safeToRepeat: true, cancellationToken, IdempotencyKeys.New());

    public Task<Webhook> GetAsync(string id, CancellationToken cancellationToken = default) =>
        _connection.SendAsync<Webhook>(HttpMethod.Get, Path(id), null, true, cancellationToken);

    public Task<Page<Webhook>> ListAsync(ListOptions? options = null, CancellationToken cancellationToken = default) =>
        _connection.SendAsync<Page<Webhook>>(HttpMethod.Get, "v1/webhooks" + (options ?? new()).Query(), null, true, cancellationToken);

    /// <summary>Every webhook, page after page.</summary>
    public IAsyncEnumerable<Webhook> ListAllAsync(ListOptions? options = null, CancellationToken cancellationToken = default) =>
        Paging.AllAsync(ListAsync, options, cancellationToken);

    /// <summary>Changes a webhook: null fields keep their value.</summary>
    public Task<Webhook> UpdateAsync(string id, WebhookUpdate update, CancellationToken cancellationToken = default) =>
        _connection.SendAsync<Webhook>(HttpMethod.Patch, Path(id), update, true, cancellationToken);

    /// <summary>Changes a webhook: absent fields keep their value, a field set to null clears it.</summary>
    public Task<Webhook> UpdateAsync(string id, JsonObject changes, CancellationToken cancellationToken = default) =>
        _connection.SendAsync<Webhook>(HttpMethod.Patch, Path(id), changes, true, cancellationToken);

    public Task DeleteAsync(string id, CancellationToken cancellationToken = default) =>
        _connection.SendAsync<NoContent>(HttpMethod.Delete, Path(id), null, true, cancellationToken);

    /// <summary>Resumes a webhook (its failure count starts again from zero) and its queue.</summary>
    public Task<Webhook> EnableAsync(string id, CancellationToken cancellationToken = default) =>
        _connection.SendAsync<Webhook>(HttpMethod.Post, Path(id) + "/enable", null, true, cancellationToken);

    public Task<Webhook> DisableAsync(string id, CancellationToken cancellationToken = default) =>
        _connection.SendAsync<Webhook>(HttpMethod.Post, Path(id) + "/disable", null, true, cancellationToken);

    /// <summary>A new signing secret; the previous one keeps signing for <paramref name="gracePeriod"/> (Herald's default: 24 h).</summary>
    public Task<SecretRotation> RotateSecretAsync(string id, TimeSpan? gracePeriod = null, string? secret = null, CancellationToken cancellationToken = default) =>
        _connection.SendAsync<SecretRotation>(HttpMethod.Post, Path(id) + "/rotate-secret",
            new JsonObject { ["grace_period"] = gracePeriod is { } g ? Duration.Format(g) : null, ["secret"] = secret }.WithoutNulls(), false, cancellationToken);

    /// <summary>Sends a test event now (a ping, or an event of <paramref name="type"/> with the catalog's example or <paramref name="data"/>).</summary>
    public Task<TestResult> TestAsync(string id, string? type = null, JsonNode? data = null, CancellationToken cancellationToken = default) =>
        _connection.SendAsync<TestResult>(HttpMethod.Post, Path(id) + "/test",
            type is null && data is null ? null : new JsonObject { ["type"] = type, ["data"] = data?.DeepClone() }.WithoutNulls(), false, cancellationToken);

    /// <summary>Queues again every failed delivery created since <paramref name="since"/> (and before <paramref name="until"/>).</summary>
    public Task<RecoverResult> RecoverAsync(string id, DateTimeOffset since, DateTimeOffset? until = null, CancellationToken cancellationToken = default) =>
        _connection.SendAsync<RecoverResult>(HttpMethod.Post, Path(id) + "/recover",
            new JsonObject { ["since"] = since.ToUniversalTime(), ["until"] = until?.ToUniversalTime() }.WithoutNulls(), true, cancellationToken);

    /// <summary>Sends one delivery again now.</summary>
    public Task<ResendResult> RetryDeliveryAsync(string id, string deliveryId, CancellationToken cancellationToken = default) =>
        _connection.SendAsync<ResendResult>(HttpMethod.Post, $"{Path(id)}/deliveries/{Uri.EscapeDataString(deliveryId)}/retry", null, false, cancellationToken);

    /// <summary>Queues again the failed deliveries that match (<paramref name="eventType"/>, a time range); answers how many matched.</summary>
    public Task<RetryDeliveriesResult> RetryDeliveriesAsync(string id, string? eventType = null, DateTimeOffset? since = null, DateTimeOffset? until = null,
        CancellationToken cancellationToken = default) =>
        _connection.SendAsync<RetryDeliveriesResult>(HttpMethod.Post, Path(id) + "/deliveries/retry",
            new JsonObject { ["status"] = "failed", ["event_type"] = eventType, ["since"] = since?.ToUniversalTime(), ["until"] = until?.ToUniversalTime() }.WithoutNulls(),
            false, cancellationToken);

    /// <summary>The webhook's deliveries, newest first.</summary>
    public Task<Page<Delivery>> ListDeliveriesAsync(string id, ListOptions? options = null, CancellationToken cancellationToken = default) =>
        _connection.SendAsync<Page<Delivery>>(HttpMethod.Get, Path(id) + "/deliveries" + (options ?? new()).Query(), null, true, cancellationToken);

    /// <summary>The webhook's delivery attempts, newest first.</summary>
    public Task<Page<DeliveryAttempt>> ListAttemptsAsync(string id, ListOptions? options = null, CancellationToken cancellationToken = default) =>
        _connection.SendAsync<Page<DeliveryAttempt>>(HttpMethod.Get, Path(id) + "/attempts" + (options ?? new()).Query(), null, true, cancellationToken);

    /// <summary>The webhook's health: attempts over the last hour and day, latest success and failure, queue depth.</summary>
    public Task<WebhookStats> GetStatsAsync(string id, CancellationToken cancellationToken = default) =>
        _connection.SendAsync<WebhookStats>(HttpMethod.Get, Path(id) + "/stats", null, true, cancellationToken);

    private static string Path(string id) => "v1/webhooks/" + Uri.EscapeDataString(id);
}
