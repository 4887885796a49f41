using Herald.Abstractions.Accounts;
using Herald.Abstractions.Webhooks;
using Herald.Testing.Databases;
using Herald.Tests.Infrastructure;

namespace Herald.Tests.Notifications;

/// <summary>The shared cluster has no <c>Herald:Smtp:Host</c>: email is off, and a disable goes on as ever.</summary>
[Collection(ClusterCollection.Name)]
public sealed class NoSmtpTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Without_smtp_configured_a_disable_queues_no_email_and_fails_nothing()
    {
        await using var failing = await Receiver.StartAsync();
        await using var ops = await Receiver.StartAsync();
        failing.Respond = _ => 500;
        var scenario = await ClusterScenario.StartAsync(fixture, AccountSettings.Default with
        {
            OnExhausted = ExhaustionAction.Disable,
            NotifyEmail = "ops@example.com",
        });
        var webhook = await scenario.WebhookAsync(failing.Url(), ["job.*"], ClusterScenario.Schedule());
        await scenario.WebhookAsync(ops.Url(), ["webhook.disabled"]);

        await scenario.PublishAsync("job.failed");

        await Eventually.ReturnsAsync(() => ops.Requests, r => r.Count == 1, what: "webhook.disabled");
        var view = (await scenario.Endpoint(webhook).GetAsync())!;
        Assert.Equal((WebhookStatus.Disabled, DisabledReasons.Failures), (view.Status, view.DisabledReason));
        Assert.Equal(0L, await fixture.Database.ScalarAsync<long>(ReminderTable.CountForKeyPrefixSql, ("prefix", webhook + "@")));
    }
}
