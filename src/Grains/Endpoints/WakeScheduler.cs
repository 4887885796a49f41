using Herald.Grains.Delivery;
using Herald.Grains.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Herald.Grains.Endpoints;

/// <summary>
/// When the endpoint's next delivery pass runs. One grain timer, interleaving with the grain's calls so that no
/// control call waits for a pass, runs one pass at a time and is armed for the next at the end of each: at once when
/// something was signalled meanwhile or the pass used its budget, at the head's due time, never when idle, and with
/// backoff (logged and counted) after a pass that failed. The wake reminder is kept exactly while work waits, so a
/// crash or a deactivation cannot strand the queue; it costs two reminder writes per waiting→idle cycle, none per message.
/// </summary>
internal sealed partial class WakeScheduler(
    Grain grain, string endpointId, Func<CancellationToken, Task<PassEnd>> pass, IOptions<DeliveryOptions> options, ILogger logger)
{
    public const string ReminderName = "wake";
    private static readonly TimeSpan FirstBackoff = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(5);

    private IGrainTimer? _timer;
    private bool _running;
    private bool _signalled;
    private bool _stopped;
    private int _failures;
    private bool? _reminderRegistered;
    // Set by a reminder tick, cleared by a pass that finds work: a tick that finds the queue empty removes the
    // reminder, so a queue that empties and soon waits again (sparse traffic with failures) keeps it.
    private bool _tickFoundIdle;

    /// <summary>Something may be due: run a pass now, or right after the one under way.</summary>
    public void Now()
    {
        if (_stopped)
        {
            return;
        }
        _signalled = true;
        if (!_running)
        {
            Arm(TimeSpan.Zero);
        }
    }

    public void ReminderTicked()
    {
        _tickFoundIdle = true;
        Now();
    }

    /// <summary>Work waits that only this endpoint knows of (a failure's consequences): keep the reminder.</summary>
    public Task KeepReminderAsync() => SetReminderAsync(true);

    /// <summary>No pass runs again in this activation (the endpoint is deleted).</summary>
    public void Stop()
    {
        _stopped = true;
        _timer?.Dispose();
        _timer = null;
    }

    public Task ForgetReminderAsync() => SetReminderAsync(false);

    private void Arm(TimeSpan due)
    {
        if (_timer is null)
        {
            _timer = grain.RegisterGrainTimer(TickAsync, new GrainTimerCreationOptions(due, Timeout.InfiniteTimeSpan) { Interleave = true, KeepAlive = true });
        }
        else
        {
            _timer.Change(due, Timeout.InfiniteTimeSpan);
        }
    }

    private async Task TickAsync(CancellationToken cancellationToken)
    {
        _running = true;
        _signalled = false;
        TimeSpan next;
        try
        {
            var end = await pass(cancellationToken);
            _failures = 0;
            next = await FollowAsync(end);
            if (_signalled)
            {
                next = TimeSpan.Zero;
            }
        }
        catch (Exception exception) when (!_stopped)
        {
            // Whatever failed, the next pass is armed: a failing database must not leave the queue to the minute sweep.
            _failures++;
            next = Backoff(_failures);
            HeraldMetrics.PassFailures.Add(1);
            LogPassFailed(logger, endpointId, _failures, next, exception);
        }
        catch (Exception) when (_stopped)
        {
            return;
        }
        finally
        {
            _running = false;
        }
        if (!_stopped && next != Timeout.InfiniteTimeSpan)
        {
            Arm(next);
        }
    }

    private async Task<TimeSpan> FollowAsync(PassEnd end)
    {
        if (end.Worked)
        {
            _tickFoundIdle = false;
        }
        switch (end.Kind)
        {
            case PassEndKind.Wait:
                await SetReminderAsync(true);
                return end.Wait;
            case PassEndKind.More:
                return TimeSpan.Zero;
            case PassEndKind.Stopped:
                await SetReminderAsync(false);
                return Timeout.InfiniteTimeSpan;
            case PassEndKind.HandOff:
                await HandOffAsync();
                return Timeout.InfiniteTimeSpan;
            case PassEndKind.Busy:
                return Timeout.InfiniteTimeSpan;
            default:
                // The queue is empty. The reminder stays until a tick of its own finds it so (at most one period later):
                // removing it at once would cost a removal and a registration each time a queue empties and soon waits again.
                if (_tickFoundIdle)
                {
                    await SetReminderAsync(false);
                }
                return Timeout.InfiniteTimeSpan;
        }
    }

    /// <summary>
    /// The silo is stopping: what is queued stays due in PostgreSQL, and the wake reminder brings this endpoint back on
    /// another silo once this one has left (the recovery sweep is the backstop if even that fails).
    /// </summary>
    private async Task HandOffAsync()
    {
        try
        {
            await SetReminderAsync(true);
            LogHandOff(logger, endpointId);
        }
        catch (Exception exception)
        {
            LogHandOffFailed(logger, endpointId, exception);
        }
    }

    private async Task SetReminderAsync(bool wanted)
    {
        _reminderRegistered ??= await grain.GetReminder(ReminderName) is not null;
        if (wanted == _reminderRegistered)
        {
            return;
        }
        if (wanted)
        {
            var period = options.Value.WakeReminderPeriod;
            await grain.RegisterOrUpdateReminder(ReminderName, period, period);
        }
        else if (await grain.GetReminder(ReminderName) is { } reminder)
        {
            await grain.UnregisterReminder(reminder);
        }
        HeraldMetrics.ReminderWrites.Add(1);
        _reminderRegistered = wanted;
    }

    private static TimeSpan Backoff(int failures)
    {
        var delay = FirstBackoff * Math.Pow(2, Math.Min(failures - 1, 10));
        return delay < MaxBackoff ? delay : MaxBackoff;
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Delivery pass of endpoint {EndpointId} failed ({Failures} in a row); the next pass runs in {Backoff}")]
    private static partial void LogPassFailed(ILogger logger, string endpointId, int failures, TimeSpan backoff, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Endpoint {EndpointId} stops delivering: the silo is stopping; its queue stays due for another silo")]
    private static partial void LogHandOff(ILogger logger, string endpointId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Endpoint {EndpointId} could not register its wake reminder while the silo stops; the recovery sweep will wake it")]
    private static partial void LogHandOffFailed(ILogger logger, string endpointId, Exception exception);
}
