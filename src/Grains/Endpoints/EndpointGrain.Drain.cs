using Herald.Abstractions.Webhooks;
using Herald.Grains.Delivery;
using Herald.Grains.Telemetry;
using Herald.Grains.Storage;
using Microsoft.Extensions.Logging;

namespace Herald.Grains.Endpoints;

/// <summary>The drain loops: when to read the queue, in which mode, and the wake-up timer and reminder that bring the grain back.</summary>
public sealed partial class EndpointGrain
{
    /// <summary>
    /// New work may be queued, after queue place <paramref name="after"/> (0: anywhere): drain now, and let a drain
    /// under way know it must look again, from there.
    /// </summary>
    private void Poke(long after = 0)
    {
        _pokes++;
        _newWorkAfter = Math.Min(_newWorkAfter, after);
        WakeIn(TimeSpan.Zero);
    }

    private void WakeIn(TimeSpan due)
    {
        if (_wakeTimer is null)
        {
            _wakeTimer = this.RegisterGrainTimer(DrainAsync, new GrainTimerCreationOptions(due, Timeout.InfiniteTimeSpan) { KeepAlive = true });
        }
        else
        {
            _wakeTimer.Change(due, Timeout.InfiniteTimeSpan);
        }
    }

    private async Task DrainAsync(CancellationToken cancellationToken)
    {
        if (!state.RecordExists)
        {
            return;
        }
        if (!shutdown.TryEnter())
        {
            await HandOffAsync();
            return;
        }
        // A pass runs in the ordering mode it started in; one that saw the settings change is followed at once by a
        // fresh pass, which uses the new mode and does not wait on timings worked out from the old settings.
        var revision = state.State.Revision;
        try
        {
            if (!IsActive)
            {
                // Deliveries queued while disabled arrive as pending; a disabled endpoint holds them (unless an enable
                // got in first: then the pass goes on).
                if (await HoldWhileDisabledAsync(cancellationToken))
                {
                    return;
                }
            }
            if (state.State.Ordering == DeliveryOrdering.Strict)
            {
                await DrainStrictAsync(cancellationToken);
            }
            else
            {
                await DrainConcurrentAsync(cancellationToken);
            }
        }
        finally
        {
            shutdown.Exit();
            if (state.State.Revision != revision)
            {
                Poke();
            }
        }
    }

    /// <summary>Holds the queue if the endpoint is still disabled once it is its turn; false when it was enabled meanwhile.</summary>
    private async Task<bool> HoldWhileDisabledAsync(CancellationToken cancellationToken)
    {
        await _statusChange.WaitAsync(cancellationToken);
        try
        {
            if (IsActive)
            {
                return false;
            }
            await queue.HoldAsync(EndpointId, cancellationToken);
            await SetReminderAsync(false);
            return true;
        }
        finally
        {
            _statusChange.Release();
        }
    }

    private async Task DrainStrictAsync(CancellationToken cancellationToken)
    {
        // Records of answered (2xx) attempts still committing. The next message may go out meanwhile: its
        // predecessor has succeeded, which is all strict order asks; a crash before the commit sends both again, in
        // order (at least once). The head is read again only once they have committed.
        var recording = new List<Task>(StrictPrefetch);
        try
        {
            while (!cancellationToken.IsCancellationRequested && IsActive && !IsConcurrent)
            {
                var pokes = _pokes;
                await Task.WhenAll(recording);
                recording.Clear();
                var after = Math.Min(_finishedUpTo, _newWorkAfter);
                _newWorkAfter = long.MaxValue;
                IReadOnlyList<QueuedDelivery> head;
                try
                {
                    head = await queue.PeekHeadAsync(EndpointId, after, StrictPrefetch, cancellationToken);
                }
                catch
                {
                    _newWorkAfter = Math.Min(_newWorkAfter, after); // the signal stands for the next pass
                    throw;
                }
                if (head.Count == 0)
                {
                    await OnQueueEmptyAsync();
                    return;
                }
                _tickFoundIdle = false;
                // A short head that all succeeded was the whole queue, unless something was queued since it was read.
                var drained = head.Count < StrictPrefetch;
                foreach (var message in head)
                {
                    var now = time.GetUtcNow();
                    var wait = Later(message.NextAttemptAt - now, _rate.Wait(now));
                    if (wait > TimeSpan.Zero)
                    {
                        await WaitAsync(wait);
                        return;
                    }
                    if (shutdown.IsStopping)
                    {
                        await HandOffAsync();
                        return;
                    }
                    _rate.Take(now, state.State.RateLimit);
                    var (status, recorded) = await SendAndRecordAsync(message, cancellationToken);
                    recording.Add(recorded);
                    if (status != DeliveryStatuses.Pending)
                    {
                        _finishedUpTo = message.Seq;
                    }
                    if (status == DeliveryStatuses.Pending || !IsActive || IsConcurrent)
                    {
                        drained = false;
                        break; // the head waits for its retry: look again, which finds it not yet due (or the mode changed)
                    }
                }
                if (drained && pokes == _pokes)
                {
                    await OnQueueEmptyAsync();
                    return;
                }
            }
        }
        finally
        {
            await Task.WhenAll(recording);
        }
    }

    private async Task DrainConcurrentAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var now = time.GetUtcNow();
            var free = state.State.MaxInFlight - _inFlight.Count;
            if (free > 0 && IsConcurrent && IsActive && !shutdown.IsStopping && _rate.Wait(now) == TimeSpan.Zero)
            {
                foreach (var message in await queue.PeekDueAsync(EndpointId, now, free, _inFlight.Keys, cancellationToken))
                {
                    _tickFoundIdle = false;
                    // Read again after the query: a change made meanwhile (fewer in flight, strict order) binds from here.
                    if (_rate.Wait(time.GetUtcNow()) > TimeSpan.Zero || !IsConcurrent || _inFlight.Count >= state.State.MaxInFlight)
                    {
                        break;
                    }
                    _rate.Take(time.GetUtcNow(), state.State.RateLimit);
                    _inFlight[message.DeliveryId] = AttemptAsync(message, cancellationToken);
                }
            }
            if (_inFlight.Count == 0)
            {
                if (!IsConcurrent)
                {
                    return; // switched to strict: with nothing in flight any more, the next pass delivers in order
                }
                if (shutdown.IsStopping && IsActive)
                {
                    await HandOffAsync();
                    return;
                }
                var pokes = _pokes;
                if (!IsActive)
                {
                    await SetReminderAsync(false);
                    return;
                }
                if (await queue.EarliestDueAsync(EndpointId, cancellationToken) is not { } due)
                {
                    await OnQueueEmptyAsync();
                    return;
                }
                _tickFoundIdle = false;
                now = time.GetUtcNow();
                var wait = Later(due - now, _rate.Wait(now));
                // Work queued while the earliest due time was read may be due now: look again rather than sleep past it.
                if (wait > TimeSpan.Zero && pokes == _pokes)
                {
                    await WaitAsync(wait);
                    return;
                }
                continue;
            }
            await Task.WhenAny(_inFlight.Values);
            foreach (var done in _inFlight.Where(f => f.Value.IsCompleted).ToList())
            {
                _inFlight.Remove(done.Key);
                await done.Value;
            }
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
            LogHandOff(logger, EndpointId);
        }
        catch (Exception exception)
        {
            LogHandOffFailed(logger, EndpointId, exception);
        }
    }

    /// <summary>
    /// The queue is empty. The wake reminder stays until a tick of its own finds it so (at most one period later):
    /// removing it at once would cost a removal and a registration each time a queue empties and soon waits again.
    /// </summary>
    private async Task OnQueueEmptyAsync()
    {
        if (_tickFoundIdle)
        {
            await SetReminderAsync(false);
        }
    }

    private async Task WaitAsync(TimeSpan wait)
    {
        await SetReminderAsync(true);
        WakeIn(wait);
    }

    /// <summary>Keeps the wake-up reminder registered exactly while work waits: two reminder writes per idle→waiting→idle cycle, none per message.</summary>
    private async Task SetReminderAsync(bool wanted)
    {
        _reminderRegistered ??= await this.GetReminder(WakeReminder) is not null;
        if (wanted == _reminderRegistered)
        {
            return;
        }
        if (wanted)
        {
            var period = options.Value.WakeReminderPeriod;
            await this.RegisterOrUpdateReminder(WakeReminder, period, period);
        }
        else if (await this.GetReminder(WakeReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
        HeraldMetrics.ReminderWrites.Add(1);
        _reminderRegistered = wanted;
    }

    private static TimeSpan Later(TimeSpan a, TimeSpan b) => a > b ? a : b;

    [LoggerMessage(Level = LogLevel.Information, Message = "Endpoint {EndpointId} stops delivering: the silo is stopping; its queue stays due for another silo")]
    private static partial void LogHandOff(ILogger logger, string endpointId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Endpoint {EndpointId} could not register its wake reminder while the silo stops; the recovery sweep will wake it")]
    private static partial void LogHandOffFailed(ILogger logger, string endpointId, Exception exception);
}
