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
internal sealed partial class ConcurrentDrain(DrainParts parts, int readLimit, ILogger logger)
{
    private readonly EndpointContext _endpoint = parts.Endpoint;
    private readonly QueueWindow _window = parts.Window;
    private readonly AttemptRecorder _recorder = parts.Recorder;

    private static readonly TimeSpan Recheck = TimeSpan.FromMilliseconds(50);
    private readonly Dictionary<string, Task> _inFlight = [];

    public int InFlight => _inFlight.Count;

    /// <summary>Completes when the attempts in flight have ended (before a strict pass may send).</summary>
    public Task WhenIdleAsync() => Task.WhenAll(_inFlight.Values);

    public async Task<PassEnd> RunAsync(CancellationToken cancellationToken)
    {
        var budget = new PassBudget(parts.Time);
        var worked = false;
        while (true)
        {
            if (_recorder.HasFailed)
            {
                await _recorder.SettleAsync();
            }
            var started = 0;
            var now = parts.Time.GetUtcNow();
            var free = _endpoint.State.MaxInFlight - _inFlight.Count;
            if (free > 0 && Sending && parts.Rate.Wait(now) == TimeSpan.Zero && !budget.Spent)
            {
                foreach (var message in await DueAsync(now, free, cancellationToken))
                {
                    // Read again after the query: a change made meanwhile (fewer in flight, strict order) binds from here.
                    if (!Sending || _inFlight.Count >= _endpoint.State.MaxInFlight || parts.Rate.Wait(parts.Time.GetUtcNow()) > TimeSpan.Zero)
                    {
                        break;
                    }
                    parts.Rate.Take(parts.Time.GetUtcNow(), _endpoint.State.RateLimit);
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
                return parts.Shutdown.IsStopping && _endpoint.IsActive ? PassEnd.HandOff : PassEnd.More;
            }
            if (budget.Spent)
            {
                return PassEnd.More;
            }
            if (await EarliestDueAsync(cancellationToken) is not { } due)
            {
                return PassEnd.Idle(worked);
            }
            now = parts.Time.GetUtcNow();
            var wait = DrainParts.Later(due - now, parts.Rate.Wait(now));
            if (wait > TimeSpan.Zero || started == 0)
            {
                return PassEnd.WaitFor(wait > TimeSpan.Zero ? wait : Recheck);
            }
        }
    }

    private bool Sending => _endpoint.IsActive && _endpoint.IsConcurrent && !parts.Shutdown.IsStopping;

    private async Task<IReadOnlyList<QueuedDelivery>> DueAsync(DateTimeOffset now, int free, CancellationToken cancellationToken)
    {
        if (_window.NeedsRead && _inFlight.Count == 0 && _recorder.IsEmpty)
        {
            // Retries keep their places, so a concurrent queue is read from its start.
            await parts.ReadWindowAsync(0, readLimit, cancellationToken);
        }
        if (_window.IsWholeQueue)
        {
            return _window.Due(now, _inFlight).Take(free).ToList();
        }
        HeraldMetrics.QueueReads.Add(1);
        return await parts.Queue.PeekDueAsync(_endpoint.Id, now, free, [.. _inFlight.Keys, .. _recorder.DeliveryIds], cancellationToken);
    }

    private async Task<DateTimeOffset?> EarliestDueAsync(CancellationToken cancellationToken) =>
        _window.IsWholeQueue ? _window.EarliestDue() : await parts.Queue.EarliestDueAsync(_endpoint.Id, cancellationToken);

    private async Task AttemptAsync(QueuedDelivery message)
    {
        try
        {
            var record = await parts.Attempts.RunAsync(message, _endpoint.Deleted);
            if (!_endpoint.Exists)
            {
                return;
            }
            if (record.DeliveryStatus == DeliveryStatuses.Pending)
            {
                _window.Retry(message, record.Attempt, record.NextAttemptAt!.Value);
            }
            else
            {
                _window.Remove(message, finishesPlace: false);
            }
            if (record.DeliveryStatus == DeliveryStatuses.Succeeded)
            {
                await parts.Failures.OnSucceededAsync();
            }
            if (record.HasConsequences)
            {
                await parts.Wake.KeepReminderAsync();
            }
            _recorder.Submit(record);
            await _recorder.SettleAsync();
        }
        catch (Exception exception)
        {
            // A record that failed stays with the recorder, and the next pass writes it again with backoff. (Deleted
            // while in flight: nothing is recorded.)
            if (_endpoint.Exists)
            {
                LogAttemptUnfinished(logger, _endpoint.Id, message.DeliveryId, exception);
            }
        }
        finally
        {
            _inFlight.Remove(message.DeliveryId);
            parts.Wake.Now();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Endpoint {EndpointId}: the attempt of delivery {DeliveryId} could not be finished (its record or consequences); the next pass takes it up")]
    private static partial void LogAttemptUnfinished(ILogger logger, string endpointId, string deliveryId, Exception exception);
}
