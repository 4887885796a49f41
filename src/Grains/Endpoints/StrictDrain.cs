using Herald.Grains.Storage;

namespace Herald.Grains.Endpoints;

/// <summary>
/// Strict order: one message in flight, the head blocking until it succeeds or fails for good. The next message
/// may go out while the previous success's record commits (a success is all strict order asks of the predecessor;
/// waiting for each commit would add one to every round trip), but nothing else does: a retry or a failure is durable
/// before anything follows, and if any record's write fails, nothing is sent until it has been written again. The
/// queue is read back from PostgreSQL only when the window needs it: after its tail at once (nothing there has been
/// sent), from lower down only once every outcome is durable, so a read never sees an answered delivery as still
/// pending.
/// </summary>
internal sealed class StrictDrain(DrainParts parts)
{
    private readonly EndpointContext _endpoint = parts.Endpoint;
    private readonly QueueWindow _window = parts.Window;
    private readonly AttemptRecorder _recorder = parts.Recorder;

    // A read takes this many deliveries at once, with their bodies.
    public const int ReadBatch = 64;

    public async Task<PassEnd> RunAsync(CancellationToken cancellationToken)
    {
        var budget = new PassBudget(parts.Time);
        var worked = false;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _endpoint.Deleted);
        while (true)
        {
            if (!_endpoint.IsActive || _endpoint.IsConcurrent)
            {
                return PassEnd.More; // the grain's next pass deals with the new status or mode
            }
            _recorder.TrimCommitted();
            if (_recorder.HasFailed)
            {
                await _recorder.SettleAsync();
            }
            if (_window.NeedsRead)
            {
                await ReadAsync(cancellationToken);
            }
            if (_window.Head is not { } head)
            {
                FollowUnrecorded();
                return PassEnd.Idle(worked);
            }
            var now = parts.Time.GetUtcNow();
            var wait = DrainParts.Later(head.NextAttemptAt - now, parts.Rate.Wait(now));
            if (wait > TimeSpan.Zero)
            {
                FollowUnrecorded();
                return PassEnd.WaitFor(wait);
            }
            if (parts.Shutdown.IsStopping)
            {
                await _recorder.SettleAsync();
                return PassEnd.HandOff;
            }
            if (budget.Spent)
            {
                return PassEnd.More;
            }
            parts.Rate.Take(now, _endpoint.State.RateLimit);
            budget.Count();
            worked = true;
            AttemptRecord record;
            try
            {
                record = await parts.Attempts.RunAsync(head, stop.Token);
            }
            catch (OperationCanceledException) when (!_endpoint.Exists)
            {
                return PassEnd.Stopped; // deleted while the attempt was in flight: nothing more is sent or recorded
            }
            if (!_endpoint.Exists)
            {
                return PassEnd.Stopped;
            }
            if (record.DeliveryStatus == DeliveryStatuses.Succeeded)
            {
                _window.Remove(head, finishesPlace: true);
                if (record.HasConsequences)
                {
                    await parts.Wake.KeepReminderAsync(); // a recovered streak's event must not wait for a crash to be forgotten
                }
                _recorder.Submit(record);
                await parts.Failures.OnSucceededAsync();
                continue;
            }
            // Any other outcome changes what comes next: it is durable before anything else is sent.
            if (record.DeliveryStatus == DeliveryStatuses.Pending)
            {
                _window.Retry(head, record.Attempt, record.NextAttemptAt!.Value);
            }
            else
            {
                _window.Remove(head, finishesPlace: true);
                await parts.Wake.KeepReminderAsync(); // its consequences must not wait for a crash to be forgotten
            }
            _recorder.Submit(record);
            await _recorder.SettleAsync();
        }
    }

    private async Task ReadAsync(CancellationToken cancellationToken)
    {
        // A read must not find an answered delivery still pending. A read after the tail cannot: every delivery sent
        // lies at or before the tail. A read from lower down (a stale window) waits until every outcome is durable.
        // (Waiting every time cost a commit's latency per batch of a backlog: issue 10, the strict drain.)
        if (_window.IsStale)
        {
            await _recorder.SettleAsync();
        }
        await parts.ReadWindowAsync(_window.StrictReadFrom, ReadBatch, cancellationToken);
    }

    /// <summary>
    /// The pass ends with successes still committing: should a write fail, a pass follows that writes it again (with
    /// backoff), so an answered delivery is recorded even when no other work comes.
    /// </summary>
    private void FollowUnrecorded()
    {
        if (!_recorder.IsEmpty)
        {
            _ = WakeIfUnrecordedAsync();
        }
    }

    private async Task WakeIfUnrecordedAsync()
    {
        try
        {
            await _recorder.SettleAsync();
        }
        catch
        {
            parts.Wake.Now();
        }
    }
}
