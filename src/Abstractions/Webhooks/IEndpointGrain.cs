using Orleans.Concurrency;

namespace Herald.Abstractions.Webhooks;

/// <summary>One customer endpoint (key: <c>wh_…</c>): its settings, secret and ordered delivery queue.</summary>
public interface IEndpointGrain : IGrainWithStringKey
{
    Task<CreatedWebhook> CreateAsync(string accountId, WebhookSpec spec);

    [AlwaysInterleave]
    Task<WebhookView?> GetAsync();

    Task DeleteAsync();

    /// <summary>
    /// Replaces the signing secret (with <paramref name="secret"/>, or a generated one); the current secret keeps signing
    /// beside the new one for <paramref name="gracePeriod"/>. Null when the endpoint does not exist.
    /// </summary>
    Task<RotatedSecret?> RotateSecretAsync(string? secret, TimeSpan gracePeriod);

    /// <summary>Work was queued for this endpoint: deliver what is due.</summary>
    [AlwaysInterleave, OneWay]
    Task NotifyAsync();
}
