using Orleans.Concurrency;

namespace Herald.Abstractions.Webhooks;

/// <summary>One customer endpoint (key: <c>wh_…</c>): its settings, secret and ordered delivery queue.</summary>
public interface IEndpointGrain : IGrainWithStringKey
{
    Task<CreatedWebhook> CreateAsync(string accountId, WebhookSpec spec);

    [AlwaysInterleave]
    Task<WebhookView?> GetAsync();

    Task DeleteAsync();

    /// <summary>Work was queued for this endpoint: deliver what is due.</summary>
    [AlwaysInterleave, OneWay]
    Task NotifyAsync();
}
