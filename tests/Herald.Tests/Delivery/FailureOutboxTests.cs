using System.Text.Json;
using Herald.Abstractions.Accounts;
using Herald.Abstractions.Webhooks;
using Herald.Grains.Telemetry;
using Herald.Tests.Infrastructure;

namespace Herald.Tests.Delivery;

/// <summary>
/// A failed delivery's consequences (the failure count, <c>delivery.exhausted</c>, the disable rule and
/// <c>webhook.disabled</c>) are written with the failing attempt and applied at least once, and exactly once in
/// effect, whatever fails in between (issue 10, defect 5). The fault here is real: a trigger makes PostgreSQL refuse
/// the consequence's publish, on the fixture's own database.
/// </summary>
[Collection(OutageCollection.Name)]
public sealed class FailureOutboxTests(OutageClusterFixture fixture)
{
    private static string TypeOf(ReceivedRequest r) => JsonDocument.Parse(r.Body).RootElement.GetProperty("type").GetString()!;

    [Fact]
    public async Task Consequences_that_fail_after_the_failure_commits_are_applied_later_exactly_once()
    {
        await fixture.ReadyAsync();
        await using var failing = await Receiver.StartAsync();
        await using var ops = await Receiver.StartAsync();
        failing.Respond = _ => 410;
        var scenario = await ClusterScenario.StartAsync(fixture,
            AccountSettings.Default with { OnExhausted = ExhaustionAction.Disable, DisableAfter = 1 });
        var webhook = await scenario.WebhookAsync(failing.Url(), ["job.*"]);
        await scenario.WebhookAsync(ops.Url(), ["delivery.*", "webhook.disabled"]);
        using var failedPasses = new HeraldCounter(HeraldMetrics.PassFailures);
        await fixture.Database.ExecuteAsync("""
            create function refuse_exhausted() returns trigger language plpgsql as
              $$ begin raise exception 'injected fault: delivery.exhausted refused'; end $$;
            create trigger refuse_exhausted before insert on herald_events
              for each row when (new.event_type = 'delivery.exhausted') execute function refuse_exhausted();
            """);
        try
        {
            await scenario.PublishAsync("job.lost");

            var view = await Eventually.ReturnsAsync(() => scenario.Endpoint(webhook).GetAsync(), v => v!.Status == WebhookStatus.Disabled,
                what: "the rule disabled the endpoint before the publish failed");
            Assert.Equal((DisabledReasons.Failures, 1), (view!.DisabledReason, view.ConsecutiveFailures));
            await Eventually.ReturnsAsync(() => Task.FromResult(failedPasses.Count), c => c >= 1, what: "the consequence's publish failed");
            Assert.Equal(1L, await OutboxRowsAsync(webhook));
        }
        finally
        {
            await fixture.Database.ExecuteAsync("drop trigger refuse_exhausted on herald_events; drop function refuse_exhausted();");
        }

        await Eventually.ReturnsAsync(() => OutboxRowsAsync(webhook), c => c == 0, what: "the row is applied and deleted");
        var told = await Eventually.ReturnsAsync(() => ops.Requests, r => r.Count == 2, what: "one exhaustion and one disable");
        Assert.Equal(["delivery.exhausted", "webhook.disabled"], told.Select(TypeOf).Order());
        Assert.All(told, r => Assert.Matches("^evt_.+_(exhausted|disabled)$", r.Headers["webhook-id"]));
        Assert.Equal(1, (await scenario.Endpoint(webhook).GetAsync())!.ConsecutiveFailures);
        Assert.Equal(2, ops.Requests.Count);
    }

    private Task<long> OutboxRowsAsync(string webhook) =>
        fixture.Database.ScalarAsync<long>("select count(*) from herald_failure_outbox where endpoint_id = @endpoint", ("endpoint", webhook));
}
