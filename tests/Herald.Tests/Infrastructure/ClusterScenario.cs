using System.Text;
using System.Text.Json;
using Herald.Abstractions.Accounts;
using Herald.Abstractions.Events;
using Herald.Abstractions.Ids;
using Herald.Abstractions.Webhooks;
using Herald.Grains.Storage;

namespace Herald.Tests.Infrastructure;

/// <summary>One account on the TestingHost cluster with helpers to register webhooks, publish and read the log.</summary>
public sealed class ClusterScenario(IClusterFixture fixture, IAccountGrain account, string accountId)
{
    public IAccountGrain Account => account;
    public string AccountId => accountId;

    public static async Task<ClusterScenario> StartAsync(IClusterFixture fixture, AccountSettings? settings = null)
    {
        var id = HeraldId.New("acct");
        var account = fixture.Cluster.GrainFactory.GetGrain<IAccountGrain>(id);
        await account.CreateAsync("scenario", settings ?? AccountSettings.Default);
        return new ClusterScenario(fixture, account, id);
    }

    public IEndpointGrain Endpoint(string id) => fixture.Cluster.GrainFactory.GetGrain<IEndpointGrain>(id);

    public async Task<string> WebhookAsync(string url, IReadOnlyList<string> events, RetryPolicy? retry = null, int timeoutSeconds = 5,
        DeliveryOrdering ordering = DeliveryOrdering.Strict, int maxInFlight = 1, int? rateLimit = null)
    {
        var spec = TestWebhooks.Spec(url, events, retry: retry) with
        {
            TimeoutSeconds = timeoutSeconds,
            Ordering = ordering,
            MaxInFlight = maxInFlight,
            RateLimit = rateLimit,
        };
        return (await account.CreateWebhookAsync(spec))!.Webhook.Id;
    }

    public async Task<string> PublishAsync(string type, object? data = null)
    {
        var id = HeraldId.New("evt");
        var body = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { id, type, data = data ?? new { } }));
        await account.PublishAsync(new PublishCommand(id, type, null, body, DateTimeOffset.UtcNow));
        return id;
    }

    /// <summary>The endpoint's attempts, oldest first.</summary>
    public async Task<IReadOnlyList<AttemptLogEntry>> AttemptsAsync(string webhookId)
    {
        await using var dataSource = fixture.Database.CreateDataSource();
        var (page, _) = await new AttemptLog(dataSource).ListAsync(webhookId, 250, null);
        return page.Reverse().ToList();
    }

    public Task<IReadOnlyList<AttemptLogEntry>> AttemptsWhenAsync(string webhookId, Func<IReadOnlyList<AttemptLogEntry>, bool> done, string what, int seconds = 20) =>
        Eventually.ReturnsAsync(() => AttemptsAsync(webhookId), done, TimeSpan.FromSeconds(seconds), what);

    public Task<string> DeliveryStatusAsync(string eventId, string webhookId) =>
        fixture.Database.ScalarAsync<string>(
            "select status from herald_deliveries where event_id = @event and endpoint_id = @endpoint", ("event", eventId), ("endpoint", webhookId));

    public Task<string> StatusWhenAsync(string eventId, string webhookId, string status, int seconds = 20) =>
        Eventually.ReturnsAsync(() => DeliveryStatusAsync(eventId, webhookId), s => s == status, TimeSpan.FromSeconds(seconds), $"delivery {status}");

    public static RetryPolicy Schedule(params double[] seconds) => new(seconds.Select(TimeSpan.FromSeconds).ToArray(), null, false);
}
