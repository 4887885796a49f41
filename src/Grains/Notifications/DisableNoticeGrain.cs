using Herald.Abstractions.Accounts;
using Herald.Abstractions.Webhooks;
using Herald.Grains.Delivery;
using Herald.Grains.Hosting;
using Herald.Grains.Telemetry;
using Herald.Grains.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Herald.Grains.Notifications;

/// <summary>
/// Emails one disable notice. The notice is written before the endpoint writes its disable, and a reminder, held
/// until the email is sent or given up, brings it back on another silo after a crash: a disable cannot lose its
/// email. Each attempt first asks the endpoint: a notice whose disable was never written (or that the customer
/// undid by enabling the webhook again) sends nothing. Failed attempts are retried with doubling delays, then the
/// notice is given up, logged and counted; a crash after the server accepted the message may send it twice.
/// </summary>
public sealed partial class DisableNoticeGrain(
    [PersistentState("disable-notice", HeraldStorage.Name)] IPersistentState<DisableNoticeState> state,
    SmtpMailer mailer,
    IOptions<SmtpOptions> smtp,
    IOptions<DeliveryOptions> delivery,
    TimeProvider time,
    ILogger<DisableNoticeGrain> logger) : Grain, IDisableNoticeGrain, IRemindable
{
    public const string RetryReminder = "notice";

    private IGrainTimer? _timer;
    private bool _attemptScheduled;

    public async Task QueueAsync(string endpointId, DateTimeOffset disabledAt)
    {
        if (!mailer.IsConfigured || state.RecordExists)
        {
            return;
        }
        state.State = new DisableNoticeState { EndpointId = endpointId, DisabledAt = disabledAt, NextAttemptAt = time.GetUtcNow() };
        await state.WriteStateAsync();
        var period = delivery.Value.WakeReminderPeriod;
        await this.RegisterOrUpdateReminder(RetryReminder, period, period);
        AttemptIn(TimeSpan.Zero);
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != RetryReminder || _attemptScheduled)
        {
            return;
        }
        if (!state.RecordExists)
        {
            await ForgetReminderAsync();
            return;
        }
        // A new activation (the notice's silo died or stopped), or an attempt that broke off: go on where the state says.
        var due = state.State.NextAttemptAt - time.GetUtcNow();
        AttemptIn(due > TimeSpan.Zero ? due : TimeSpan.Zero);
    }

    private void AttemptIn(TimeSpan due)
    {
        _attemptScheduled = true;
        if (_timer is null)
        {
            _timer = this.RegisterGrainTimer(AttemptAsync, new GrainTimerCreationOptions(due, Timeout.InfiniteTimeSpan) { KeepAlive = true });
        }
        else
        {
            _timer.Change(due, Timeout.InfiniteTimeSpan);
        }
    }

    private async Task AttemptAsync(CancellationToken cancellationToken)
    {
        _attemptScheduled = false;
        if (!state.RecordExists)
        {
            return;
        }
        var notice = state.State;
        try
        {
            if (await ComposeAsync(notice) is not { } email)
            {
                await FinishAsync();
                return;
            }
            await mailer.SendAsync(email.To, email.Subject, email.Body, cancellationToken);
            LogSent(logger, notice.EndpointId, notice.FailedAttempts + 1);
            HeraldMetrics.RecordNotificationEmail(HeraldMetrics.EmailSent);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            await OnAttemptFailedAsync(notice, exception);
            return;
        }
        await FinishAsync();
    }

    /// <summary>The email, or null when there is nothing to send: the webhook is no longer disabled by failures, or the account names no address.</summary>
    private async Task<(string To, string Subject, string Body)?> ComposeAsync(DisableNoticeState notice)
    {
        var webhook = await GrainFactory.Grain<IEndpointGrain>(notice.EndpointId).GetAsync();
        if (webhook is not { Status: WebhookStatus.Disabled, DisabledReason: DisabledReasons.Failures })
        {
            LogSkipped(logger, notice.EndpointId, "the webhook is no longer disabled by failures");
            return null;
        }
        var settings = (await GrainFactory.Grain<IAccountGrain>(webhook.AccountId).GetAsync())?.Settings;
        if (settings?.NotifyEmail is not { } to)
        {
            LogSkipped(logger, notice.EndpointId, "the account names no notify_email");
            return null;
        }
        var (subject, body) = DisableNoticeEmail.Compose(webhook, settings.DisableAfter, notice.DisabledAt);
        return (to, subject, body);
    }

    private async Task OnAttemptFailedAsync(DisableNoticeState notice, Exception exception)
    {
        notice.FailedAttempts++;
        if (notice.FailedAttempts >= smtp.Value.MaxAttempts)
        {
            LogGivenUp(logger, notice.EndpointId, notice.FailedAttempts, exception);
            HeraldMetrics.RecordNotificationEmail(HeraldMetrics.EmailFailed);
            await FinishAsync();
            return;
        }
        var delay = smtp.Value.RetryDelay * Math.Pow(2, notice.FailedAttempts - 1);
        notice.NextAttemptAt = time.GetUtcNow() + delay;
        LogRetrying(logger, notice.EndpointId, notice.FailedAttempts, delay, exception.Message);
        HeraldMetrics.RecordNotificationEmail(HeraldMetrics.EmailRetried);
        await state.WriteStateAsync();
        AttemptIn(delay);
    }

    private async Task FinishAsync()
    {
        await state.ClearStateAsync();
        await ForgetReminderAsync();
        _timer?.Dispose();
        _timer = null;
        DeactivateOnIdle();
    }

    private async Task ForgetReminderAsync()
    {
        if (await this.GetReminder(RetryReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Disable email for endpoint {EndpointId} sent (attempt {Attempt})")]
    private static partial void LogSent(ILogger logger, string endpointId, int attempt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Disable email for endpoint {EndpointId} not sent: {Why}")]
    private static partial void LogSkipped(ILogger logger, string endpointId, string why);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Disable email for endpoint {EndpointId}: attempt {Attempt} failed ({Error}); retrying in {Delay}")]
    private static partial void LogRetrying(ILogger logger, string endpointId, int attempt, TimeSpan delay, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Disable email for endpoint {EndpointId} given up after {Attempts} failed attempts")]
    private static partial void LogGivenUp(ILogger logger, string endpointId, int attempts, Exception exception);
}
