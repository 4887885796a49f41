using System.Text.Json;
using Herald.Abstractions.Accounts;
using Herald.Abstractions.Webhooks;
using Herald.Tests.Infrastructure;

namespace Herald.Tests.Delivery;

/// <summary>
/// An activation that died between committing a failed delivery and applying its consequences leaves the failure
/// outbox row behind; the endpoint applies it when it next wakes (here the recovery sweep's signal, sent three
/// times), once (issue 10, defect 5).
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class FailureOutboxRecoveryTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Consequences_left_by_a_dead_activation_are_applied_once_when_the_endpoint_wakes()
    {
        await using var failing = await Receiver.StartAsync();
        await using var ops = await Receiver.StartAsync();
        var scenario = await ClusterScenario.StartAsync(fixture,
            AccountSettings.Default with { OnExhausted = ExhaustionAction.Disable, DisableAfter = 1 });
        var webhook = await scenario.WebhookAsync(failing.Url(), ["job.*"]);
        await scenario.WebhookAsync(ops.Url(), ["delivery.*", "webhook.disabled"]);
        var delivery = "dlv_dead_" + webhook;
        // What the attempt statement committed (the failed delivery and its outbox row) before the activation died.
        await fixture.Database.ExecuteAsync("""
            with e as (insert into herald_events (account_id, event_id, event_type, body, endpoint_count, created_at)
                       values (@account, @event, 'job.dead', convert_to('{}', 'UTF8'), 1, now())),
                 d as (insert into herald_deliveries (delivery_id, endpoint_id, account_id, event_id, status, attempts, next_attempt_at)
                       values (@delivery, @endpoint, @account, @event, 'failed', 3, now()))
            insert into herald_failure_outbox (attempt_id, endpoint_id, delivery_id, event_id, event_type, attempts, reason, status_code, error, failed_at)
            values (@attempt, @endpoint, @delivery, @event, 'job.dead', 3, 'attempts_exhausted', 503, 'HTTP 503', now())
            """, ("account", scenario.AccountId), ("event", "evt_dead_" + webhook), ("delivery", delivery), ("endpoint", webhook),
            ("attempt", "att_dead" + webhook[3..]));

        for (var i = 0; i < 3; i++)
        {
            await scenario.Endpoint(webhook).NotifyAsync(0);
        }

        var told = await Eventually.ReturnsAsync(() => ops.Requests, r => r.Count == 2, what: "one exhaustion and one disable");
        var bodies = told.Select(r => JsonDocument.Parse(r.Body).RootElement).ToList();
        Assert.Equal(["delivery.exhausted", "webhook.disabled"], bodies.Select(b => b.GetProperty("type").GetString()).Order());
        var exhausted = bodies.Single(b => b.GetProperty("type").GetString() == "delivery.exhausted").GetProperty("data");
        Assert.Equal((delivery, "attempts_exhausted", 503), (exhausted.GetProperty("delivery_id").GetString(),
            exhausted.GetProperty("reason").GetString(), exhausted.GetProperty("last_status_code").GetInt32()));
        var view = (await scenario.Endpoint(webhook).GetAsync())!;
        Assert.Equal((WebhookStatus.Disabled, DisabledReasons.Failures, 1), (view.Status, view.DisabledReason, view.ConsecutiveFailures));
        await Eventually.ReturnsAsync(() => fixture.Database.ScalarAsync<long>(
            "select count(*) from herald_failure_outbox where endpoint_id = @endpoint", ("endpoint", webhook)), c => c == 0, what: "the row is deleted");
        Assert.Equal(2, ops.Requests.Count);
        Assert.Empty(failing.Requests);
    }
}
