using Herald.Abstractions.Accounts;
using Herald.Abstractions.Webhooks;
using Herald.Grains.Telemetry;
using Herald.Testing.Databases;
using Herald.Tests.Infrastructure;

namespace Herald.Tests.Notifications;

[Collection(SmtpCollection.Name)]
public sealed class DisableEmailTests(SmtpClusterFixture fixture)
{
    [Fact]
    public async Task A_webhook_disabled_by_failures_emails_the_accounts_address_once()
    {
        await using var failing = await Receiver.StartAsync();
        failing.Respond = _ => 500;
        var to = NewAddress();
        var scenario = await StartAsync(to);
        var created = (await scenario.Account.CreateWebhookAsync(TestWebhooks.Spec(failing.Url(), ["job.*"], retry: ClusterScenario.Schedule())))!;
        var webhook = created.Webhook.Id;

        await scenario.PublishAsync("job.failed");

        var mail = await SingleEmailAsync(to, webhook);
        Assert.Equal(WebhookStatus.Disabled, (await scenario.Endpoint(webhook).GetAsync())!.Status);
        Assert.Equal([to], mail.Recipients);
        Assert.Equal(SmtpClusterFixture.From, mail.From);
        Assert.Equal($"{SmtpClusterFixture.UserName}:{SmtpClusterFixture.Password}", mail.User);
        var message = mail.Message;
        Assert.Equal($"Webhook {webhook} was disabled after 1 delivery failed", message.Subject);
        var body = message.TextBody;
        Assert.Contains($"Webhook:     {webhook}", body);
        Assert.Contains($"URL:         {failing.Url()}", body);
        Assert.Contains("Reason:      failures", body);
        Assert.Contains("Failures:    1 consecutive", body);
        Assert.Contains($"POST /v1/webhooks/{webhook}/enable", body);
        Assert.DoesNotContain(created.Secret, mail.Data);
    }

    [Fact]
    public async Task An_smtp_server_that_fails_twice_still_gets_the_email_once()
    {
        await using var failing = await Receiver.StartAsync();
        var to = NewAddress();
        var (scenario, webhook) = await DisablingWebhookAsync(failing, to);
        fixture.Smtp.FailNext(2);

        await scenario.PublishAsync("job.failed");

        var mail = await SingleEmailAsync(to, webhook);
        Assert.Contains(webhook, mail.Message.Subject);
        Assert.Equal(2, fixture.Smtp.Refused);
    }

    [Fact]
    public async Task Without_notify_email_a_disable_emails_nobody()
    {
        await using var failing = await Receiver.StartAsync();
        await using var ops = await Receiver.StartAsync();
        var (scenario, webhook) = await DisablingWebhookAsync(failing, to: null);
        await scenario.WebhookAsync(ops.Url(), ["webhook.disabled"]);

        await scenario.PublishAsync("job.failed");

        // webhook.disabled is published after a notice would have been queued: by then there is none, and no email.
        await Eventually.ReturnsAsync(() => ops.Requests, r => r.Count == 1, what: "webhook.disabled");
        Assert.Equal(0L, await NoticesAsync(webhook));
        Assert.DoesNotContain(fixture.Smtp.Mails, m => m.Data.Contains(webhook));
    }

    [Fact]
    public async Task A_webhook_disabled_by_the_user_emails_nobody()
    {
        await using var receiver = await Receiver.StartAsync();
        await using var ops = await Receiver.StartAsync();
        var to = NewAddress();
        var scenario = await StartAsync(to);
        var webhook = await scenario.WebhookAsync(receiver.Url(), ["job.*"]);
        await scenario.WebhookAsync(ops.Url(), ["webhook.disabled"]);

        await scenario.Endpoint(webhook).DisableAsync();

        await Eventually.ReturnsAsync(() => ops.Requests, r => r.Count == 1, what: "webhook.disabled");
        Assert.Equal(0L, await NoticesAsync(webhook));
        Assert.Empty(fixture.Smtp.MailsTo(to));
    }

    [Fact]
    public async Task A_notice_whose_webhook_was_enabled_again_before_it_went_out_sends_nothing()
    {
        await using var failing = await Receiver.StartAsync();
        var to = NewAddress();
        var (scenario, webhook) = await DisablingWebhookAsync(failing, to);
        fixture.Smtp.FailNext(1000);

        await scenario.PublishAsync("job.failed");
        await Eventually.ReturnsAsync(() => fixture.Smtp.Refused, n => n >= 1, what: "a first attempt, refused");
        await scenario.Endpoint(webhook).EnableAsync();
        fixture.Smtp.FailNext(0);

        await Eventually.ReturnsAsync(() => NoticesAsync(webhook), n => n == 0, what: "the notice is done");
        Assert.Empty(fixture.Smtp.MailsTo(to));
    }

    [Fact]
    public async Task An_email_the_server_keeps_refusing_is_given_up_after_the_last_attempt()
    {
        await using var failing = await Receiver.StartAsync();
        var to = NewAddress();
        var (scenario, webhook) = await DisablingWebhookAsync(failing, to);
        fixture.Smtp.FailNext(1000);
        using var givenUp = new HeraldCounter(HeraldMetrics.NotificationEmails, HeraldMetrics.EmailFailed);

        await scenario.PublishAsync("job.failed");

        await Eventually.ReturnsAsync(() => givenUp.Count, n => n >= 1, TimeSpan.FromSeconds(30), "the email given up");
        Assert.Equal(5, fixture.Smtp.Refused); // Herald:Smtp:MaxAttempts, default 5
        await Eventually.ReturnsAsync(() => NoticesAsync(webhook), n => n == 0, what: "the notice is done");
        Assert.Empty(fixture.Smtp.MailsTo(to));
    }

    private static string NewAddress() => $"ops-{Guid.NewGuid():N}@example.com";

    /// <summary>An account that disables a webhook at its first failed delivery, on a server that accepts mail again.</summary>
    private Task<ClusterScenario> StartAsync(string? notifyEmail)
    {
        fixture.Smtp.FailNext(0);
        return ClusterScenario.StartAsync(fixture,
            AccountSettings.Default with { OnExhausted = ExhaustionAction.Disable, DisableAfter = 1, NotifyEmail = notifyEmail });
    }

    /// <summary>A webhook on a receiver that answers 500, tried once, in an account like <see cref="StartAsync"/>'s.</summary>
    private async Task<(ClusterScenario Scenario, string Webhook)> DisablingWebhookAsync(Receiver failing, string? to)
    {
        failing.Respond = _ => 500;
        var scenario = await StartAsync(to);
        return (scenario, await scenario.WebhookAsync(failing.Url(), ["job.*"], ClusterScenario.Schedule()));
    }

    /// <summary>Disable notices of the webhook still pending: each holds a reminder until its email is sent or given up.</summary>
    private Task<long> NoticesAsync(string webhook) =>
        fixture.Database.ScalarAsync<long>(ReminderTable.CountForKeyPrefixSql, ("prefix", webhook + "@"));

    /// <summary>Waits for the email, then until the notice is done, so that a second email would already be there.</summary>
    private async Task<ReceivedMail> SingleEmailAsync(string to, string webhook)
    {
        await Eventually.ReturnsAsync(() => fixture.Smtp.MailsTo(to), m => m.Count > 0, what: "the disable email");
        await Eventually.ReturnsAsync(() => NoticesAsync(webhook), n => n == 0, what: "the notice is done");
        return Assert.Single(fixture.Smtp.MailsTo(to));
    }
}
