using System.Text.Json;
using Herald.Abstractions.Accounts;
using Herald.Abstractions.Webhooks;
using Herald.Grains.Storage;
using Herald.Tests.Infrastructure;

namespace Herald.Tests.Delivery;

[Collection(ClusterCollection.Name)]
public sealed class ExhaustionTests(ClusterFixture fixture)
{
    private static string TypeOf(ReceivedRequest r) => JsonDocument.Parse(r.Body).RootElement.GetProperty("type").GetString()!;

    [Fact]
    public async Task With_drop_an_exhausted_delivery_is_failed_and_the_endpoint_stays_active()
    {
        await using var receiver = await Receiver.StartAsync();
        receiver.Behave = (n, _) => n <= 2 ? 500 : 200;
        var scenario = await ClusterScenario.StartAsync(fixture);
        var webhook = await scenario.WebhookAsync(receiver.Url(), ["*"], ClusterScenario.Schedule(0.1));

        var lost = await scenario.PublishAsync("server.created");
        await scenario.StatusWhenAsync(lost, webhook, DeliveryStatuses.Failed);
        var next = await scenario.PublishAsync("server.deleted");

        await scenario.StatusWhenAsync(next, webhook, DeliveryStatuses.Succeeded);
        var view = (await scenario.Endpoint(webhook).GetAsync())!;
        Assert.Equal(WebhookStatus.Active, view.Status);
        Assert.Equal(0, view.ConsecutiveFailures);
    }

    [Fact]
    public async Task Disable_rule_disables_after_n_exhausted_deliveries_and_tells_the_operational_webhooks()
    {
        await using var failing = await Receiver.StartAsync();
        await using var ops = await Receiver.StartAsync();
        await using var everything = await Receiver.StartAsync();
        failing.Respond = _ => 500;
        var scenario = await ClusterScenario.StartAsync(fixture,
            AccountSettings.Default with { OnExhausted = ExhaustionAction.Disable, DisableAfter = 2 });
        var webhook = await scenario.WebhookAsync(failing.Url(), ["job.*"], ClusterScenario.Schedule(0.1));
        await scenario.WebhookAsync(ops.Url(), ["webhook.disabled", "delivery.*"]);
        await scenario.WebhookAsync(everything.Url(), ["*"]);

        var first = await scenario.PublishAsync("job.a");
        await scenario.StatusWhenAsync(first, webhook, DeliveryStatuses.Failed);
        Assert.Equal(WebhookStatus.Active, (await scenario.Endpoint(webhook).GetAsync())!.Status);
        await scenario.PublishAsync("job.b");

        var view = await Eventually.ReturnsAsync(() => scenario.Endpoint(webhook).GetAsync(), v => v!.Status == WebhookStatus.Disabled, what: "disabled");
        Assert.Equal("failures", view!.DisabledReason);
        var told = await Eventually.ReturnsAsync(() => ops.Requests, r => r.Count == 3, what: "two exhaustions and one disable");
        Assert.Equal(["delivery.exhausted", "delivery.exhausted", "webhook.disabled"], told.Select(TypeOf).Order());
        var disabled = JsonDocument.Parse(told.Single(r => TypeOf(r) == "webhook.disabled").Body).RootElement.GetProperty("data");
        Assert.Equal(webhook, disabled.GetProperty("webhook_id").GetString());
        await Eventually.ReturnsAsync(() => everything.Requests, r => r.Count == 2, what: "the catch-all got the job events");
        Assert.Equal(["job.a", "job.b"], everything.Requests.Select(TypeOf));
    }

    [Fact]
    public async Task A_disabled_endpoint_holds_its_queue_and_enable_delivers_it_in_order()
    {
        await using var receiver = await Receiver.StartAsync();
        var scenario = await ClusterScenario.StartAsync(fixture);
        var webhook = await scenario.WebhookAsync(receiver.Url(), ["*"]);
        await scenario.Endpoint(webhook).DisableAsync();

        var held = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            held.Add(await scenario.PublishAsync("server.status_changed", new { i }));
        }
        await scenario.StatusWhenAsync(held[^1], webhook, DeliveryStatuses.Held);
        Assert.Empty(receiver.Requests);
        Assert.Equal("user", (await scenario.Endpoint(webhook).GetAsync())!.DisabledReason);

        await scenario.Endpoint(webhook).EnableAsync();

        var requests = await Eventually.ReturnsAsync(() => receiver.Requests, r => r.Count == 3, what: "held queue delivered");
        Assert.Equal(held, requests.Select(r => r.Headers["webhook-id"]));
    }
}
