using Herald.Grains.Delivery;
using Herald.Grains.Storage;
using Herald.Grains.Telemetry;
using Microsoft.Extensions.Logging;

namespace Herald.Grains.Endpoints;

/// <summary>
/// Concurrent order: up to <c>max_in_flight</c> messages in flight, due first then in queue order, each retried on
/// its own. While the window holds the whole queue, due messages come from memory; otherwise (a backlog larger than
/// the window) from PostgreSQL, leaving out those in flight or not yet recorded. Each attempt records its outcome
/// before its slot is free again; while a record's write fails, nothing new is sent.
/// </summary>
internal sealed partial class ConcurrentDrain(
    EndpointContext endpoint,
    QueueWindow window,
    DeliveryQueue queue,
    AttemptRecorder recorder,
    AttemptRunner attempts,
    FailurePolicy failures,
    WakeScheduler wake,
    RateGate rate,
    DeliveryShutdown shutdown,
    int readLimit,
    TimeProvider time,
    ILogger logger)
{
    private static readonly TimeSpan Recheck = TimeSpan.FromMilliseconds(50);
    private readonly Dictionary<string, Task> _inFlight = [];

    public int InFlight => _inFlight.Count;

    /// <summary>Completes when the attempts in flight have ended (before a strict pass may send).</summary>
    public Task WhenIdleAsync() => Task.WhenAll(_inFlight.Values);

    public async Task<PassEnd> RunAsync(CancellationToken cancellationToken)
    {
        var budget = new PassBudget(time);
        var worked = false;
        while (true)
        {
            if (recorder.HasFailed)
            {
                await recorder.SettleAsync();
            }
            var started = 0;
            var now = time.GetUtcNow();
            var free = endpoint.State.MaxInFlight - _inFlight.Count;
            if (free > 0 && Sending && rate.Wait(now) == TimeSpan.Zero && !budget.Spent)
            {
                foreach (var message in await DueAsync(now, free, cancellationToken))
                {
                    // Read again after the query: a change made meanwhile (fewer in flight, strict order) binds from here.
                    if (!Sending || _inFlight.Count >= endpoint.State.MaxInFlight || rate.Wait(time.GetUtcNow()) > TimeSpan.Zero)
                    {
                        break;
                    }
                    rate.Take(time.GetUtcNow(), endpoint.State.RateLimit);
                    budget.Count();
                    started++;
                    worked = true;
                    var attempt = AttemptAsync(message);
                    if (!attempt.IsCompleted)
                    {
                        _inFlight[message.DeliveryId] = attempt;
                    }
                }
            }
            if (_inFlight.Count > 0)
            {
                return PassEnd.Busy; // each attempt's end runs the next pass
            }
            if (!Sending)
            {
                return shutdown.IsStopping && endpoint.IsActive ? PassEnd.HandOff : PassEnd.More;
            }
            if (budget.Spent)
            {
                return PassEnd.More;
            }
            if (await EarliestDueAsync(cancellationToken) is not { } due)
            {
                return PassEnd.Idle(worked);
            }
            now = time.GetUtcNow();
            var wait = Later(due - now, rate.Wait(now));
            if (wait > TimeSpan.Zero || started == 0)
            {
                return PassEnd.WaitFor(wait > TimeSpan.Zero ? wait : Recheck);
            }
        }
    }

    private bool Sending => endpoint.IsActive && endpoint.IsConcurrent && !shutdown.IsStopping;

    private async Task<IReadOnlyList<QueuedDelivery>> DueAsync(DateTimeOffset now, int free, CancellationToken cancellationToken)
    {
        if (window.NeedsRead && _inFlight.Count == 0 && recorder.IsEmpty)
        {
            window.BeginRead();
            IReadOnlyList<QueuedDelivery> rows;
            try
            {
                rows = await queue.PeekHeadAsync(endpoint.Id, 0, readLimit, cancellationToken);
            }
            catch
            {
                window.AbortRead();
                throw;
            }
            window.EndRead(rows, 0, readLimit);
            HeraldMetrics.QueueReads.Add(1);
        }
        if (window.IsWholeQueue)
        {
            return window.Due(now, _inFlight).Take(free).ToList();
        }
        HeraldMetrics.QueueReads.Add(1);
        return await queue.PeekDueAsync(endpoint.Id, now, free, [.. _inFlight.Keys, .. recorder.DeliveryIds], cancellationToken);
    }

    private async Task<DateTimeOffset?> EarliestDueAsync(CancellationToken cancellationToken) =>
        window.IsWholeQueue ? window.EarliestDue() : await queue.EarliestDueAsync(endpoint.Id, cancellationToken);

    private async Task AttemptAsync(QueuedDelivery message)
    {
        try
        {
            var record = await attempts.RunAsync(message, endpoint.Deleted);
            if (!endpoint.Exists)
            {
                return;
            }
            if (record.DeliveryStatus == DeliveryStatuses.Pending)
            {
                window.Retry(message, record.Attempt, record.NextAttemptAt!.Value);
            }
            else
            {
                window.Remove(message, finishesPlace: false);
            }
            if (record.DeliveryStatus == DeliveryStatuses.Succeeded)
            {
                await failures.OnSucceededAsync();
            }
            else if (record.DeliveryStatus == DeliveryStatuses.Failed)
            {
                await wake.KeepReminderAsync();
            }
            recorder.Submit(record);
            await recorder.SettleAsync();
        }
        catch (Exception exception)
        {
            // A record that failed stays with the recorder, and the next pass writes it again with backoff. (Deleted
            // while in flight: nothing is recorded.)
            if (endpoint.Exists)
            {
                LogAttemptUnfinished(logger, endpoint.Id, message.DeliveryId, exception);
            }
        }
        finally
        {
            _inFlight.Remove(message.DeliveryId);
            wake.Now();
        }
    }

    private static TimeSpan Later(TimeSpan a, TimeSpan b) => a > b ? a : b;

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Endpoint {EndpointId}: the attempt of delivery {DeliveryId} could not be finished (its record or consequences); the next pass takes it up")]
    private static partial void LogAttemptUnfinished(ILogger logger, string endpointId, string deliveryId, Exception exception);
}
