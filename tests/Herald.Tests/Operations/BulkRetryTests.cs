using System.Text.Json;
using Herald.Abstractions.Webhooks;
using Herald.Grains.Storage;
using Herald.Tests.Infrastructure;

namespace Herald.Tests.Operations;

[Collection(ClusterCollection.Name)]
public sealed class BulkRetryTests(ClusterFixture fixture)
{
    private static int N(ReceivedRequest r) => JsonDocument.Parse(r.Body).RootElement.GetProperty("n").GetInt32();

    [Fact]
    public async Task A_thousand_failed_deliveries_are_retried_in_batches_each_delivered_once_in_order_on_a_strict_webhook()
    {
        await using var receiver = await Receiver.StartAsync();
        var scenario = await ClusterScenario.StartAsync(fixture);
        var webhook = await scenario.WebhookAsync(receiver.Url(), ["job.*"]);
        const int Count = 1000;
        await FailedRows.InsertAsync(fixture.Database, scenario.AccountId, webhook, "bulk", Count, "job.done", DateTimeOffset.UtcNow.AddMinutes(-5));

        var result = await scenario.Endpoint(webhook).RetryFailedAsync(new FailedDeliveryFilter(null, null, null));

        Assert.Equal(new BulkRetryResult(true, Count), result);
        Assert.True(Count > 500, "the test needs more than one batch (BulkRetry.Batch)");
        var requests = await Eventually.ReturnsAsync(() => receiver.Requests, r => r.Count >= Count, TimeSpan.FromSeconds(60), "all retried");
        Assert.Equal(Enumerable.Range(1, Count), requests.Select(N));
        await Eventually.ReturnsAsync(() => fixture.Database.ScalarAsync<long>(
            "select count(*) from herald_deliveries where endpoint_id = @endpoint and status = 'succeeded'", ("endpoint", webhook)),
            c => c == Count, what: "every delivery recorded succeeded");
        Assert.False(await Eventually.HoldsAsync(() => receiver.Requests.Count > Count, TimeSpan.FromMilliseconds(500)), "a delivery was sent twice");
    }

    [Fact]
    public async Task Only_failed_deliveries_of_the_type_and_time_range_are_retried_in_their_order()
    {
        await using var receiver = await Receiver.StartAsync();
        var scenario = await ClusterScenario.StartAsync(fixture);
        var webhook = await scenario.WebhookAsync(receiver.Url(), ["job.*"]);
        var early = DateTimeOffset.UtcNow.AddHours(-3);
        var middle = DateTimeOffset.UtcNow.AddHours(-2);
        await FailedRows.InsertAsync(fixture.Database, scenario.AccountId, webhook, "old", 3, "job.done", early);
        await FailedRows.InsertAsync(fixture.Database, scenario.AccountId, webhook, "mid", 4, "job.done", middle);
        await FailedRows.InsertAsync(fixture.Database, scenario.AccountId, webhook, "other", 5, "job.other", middle);

        var result = await scenario.Endpoint(webhook).RetryFailedAsync(
            new FailedDeliveryFilter("job.done", middle.AddMinutes(-1), DateTimeOffset.UtcNow.AddHours(-1)));

        Assert.Equal(new BulkRetryResult(true, 4), result);
        var requests = await Eventually.ReturnsAsync(() => receiver.Requests, r => r.Count == 4, what: "the four matching deliveries");
        Assert.All(requests, r => Assert.StartsWith("evt_mid_", r.Headers["webhook-id"]));
        Assert.Equal([1, 2, 3, 4], requests.Select(N));
        Assert.Equal(8L, await fixture.Database.ScalarAsync<long>(
            "select count(*) from herald_deliveries where endpoint_id = @endpoint and status = 'failed'", ("endpoint", webhook)));
        Assert.False(await Eventually.HoldsAsync(() => receiver.Requests.Count > 4, TimeSpan.FromMilliseconds(300)), "a delivery outside the filter was sent");
    }

    [Fact]
    public async Task A_bulk_retry_on_a_disabled_webhook_holds_the_deliveries_until_it_is_enabled()
    {
        await using var receiver = await Receiver.StartAsync();
        var scenario = await ClusterScenario.StartAsync(fixture);
        var webhook = await scenario.WebhookAsync(receiver.Url(), ["job.*"]);
        await scenario.Endpoint(webhook).DisableAsync();
        await FailedRows.InsertAsync(fixture.Database, scenario.AccountId, webhook, "held", 3, "job.done", DateTimeOffset.UtcNow.AddMinutes(-1));

        Assert.Equal(3, (await scenario.Endpoint(webhook).RetryFailedAsync(new FailedDeliveryFilter(null, null, null)))!.Matched);

        await Eventually.ReturnsAsync(() => fixture.Database.ScalarAsync<long>(
            "select count(*) from herald_deliveries where endpoint_id = @endpoint and status = 'held'", ("endpoint", webhook)),
            c => c == 3, what: "the retried deliveries held");
        Assert.Empty(receiver.Requests);
        await scenario.Endpoint(webhook).EnableAsync();
        var requests = await Eventually.ReturnsAsync(() => receiver.Requests, r => r.Count == 3, what: "delivered after enable");
        Assert.Equal([1, 2, 3], requests.Select(N));
    }

    [Fact]
    public async Task A_bulk_retry_that_matches_nothing_writes_nothing()
    {
        var scenario = await ClusterScenario.StartAsync(fixture);
        var webhook = await scenario.WebhookAsync("http://127.0.0.1:9/x", ["job.*"]);

        var result = await scenario.Endpoint(webhook).RetryFailedAsync(new FailedDeliveryFilter("job.none", null, null));

        Assert.Equal(new BulkRetryResult(true, 0), result);
        Assert.Null(await fixture.Cluster.GrainFactory.GetGrain<IEndpointGrain>("wh_missing").RetryFailedAsync(new FailedDeliveryFilter(null, null, null)));
    }
}
