using Herald.Grains.Delivery;
using Herald.Grains.Storage;
using Herald.Grains.Telemetry;

namespace Herald.Grains.Endpoints;

/// <summary>
/// Strict order: one message in flight, the head blocking until it succeeds or fails for good. The next message
/// may go out while the previous success's record commits (a success is all strict order asks of the predecessor;
/// waiting for each commit would add one to every round trip), but nothing else does: a retry or a failure is durable
/// before anything follows, and if any record's write fails, nothing is sent until it has been written again. The
/// queue is read back from PostgreSQL only when the window needs it, and only once every outcome is durable, so a
/// read never sees an answered delivery as still pending.
/// </summary>
internal sealed class StrictDrain(
    EndpointContext endpoint,
    QueueWindow window,
    DeliveryQueue queue,
    AttemptRecorder recorder,
    AttemptRunner attempts,
    FailurePolicy failures,
    WakeScheduler wake,
    RateGate rate,
    DeliveryShutdown shutdown,
    TimeProvider time)
{
    // A read takes this many deliveries at once, with their bodies.
    public const int ReadBatch = 64;

    public async Task<PassEnd> RunAsync(CancellationToken cancellationToken)
    {
        var budget = new PassBudget(time);
        var worked = false;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, endpoint.Deleted);
        while (true)
        {
            if (!endpoint.IsActive || endpoint.IsConcurrent)
            {
                return PassEnd.More; // the grain's next pass deals with the new status or mode
            }
            recorder.TrimCommitted();
            if (recorder.HasFailed)
            {
                await recorder.SettleAsync();
            }
            if (window.NeedsRead)
            {
                await ReadAsync(cancellationToken);
            }
            if (window.Head is not { } head)
            {
                FollowUnrecorded();
                return PassEnd.Idle(worked);
            }
            var now = time.GetUtcNow();
            var wait = Later(head.NextAttemptAt - now, rate.Wait(now));
            if (wait > TimeSpan.Zero)
            {
                FollowUnrecorded();
                return PassEnd.WaitFor(wait);
            }
            if (shutdown.IsStopping)
            {
                await recorder.SettleAsync();
                return PassEnd.HandOff;
            }
            if (budget.Spent)
            {
                return PassEnd.More;
            }
            rate.Take(now, endpoint.State.RateLimit);
            budget.Count();
            worked = true;
            AttemptRecord record;
            try
            {
                record = await attempts.RunAsync(head, stop.Token);
            }
            catch (OperationCanceledException) when (!endpoint.Exists)
            {
                return PassEnd.Stopped; // deleted while the attempt was in flight: nothing more is sent or recorded
            }
            if (!endpoint.Exists)
            {
                return PassEnd.Stopped;
            }
            if (record.DeliveryStatus == DeliveryStatuses.Succeeded)
            {
                window.Remove(head, finishesPlace: true);
                recorder.Submit(record);
                await failures.OnSucceededAsync();
                continue;
            }
            // Any other outcome changes what comes next: it is durable before anything else is sent.
            if (record.DeliveryStatus == DeliveryStatuses.Pending)
            {
                window.Retry(head, record.Attempt, record.NextAttemptAt!.Value);
            }
            else
            {
                window.Remove(head, finishesPlace: true);
                await wake.KeepReminderAsync(); // its consequences must not wait for a crash to be forgotten
            }
            recorder.Submit(record);
            await recorder.SettleAsync();
        }
    }

    private async Task ReadAsync(CancellationToken cancellationToken)
    {
        // Durable before the next read: a read must not find an answered delivery still pending.
        await recorder.SettleAsync();
        var from = window.StrictReadFrom;
        window.BeginRead();
        IReadOnlyList<QueuedDelivery> rows;
        try
        {
            rows = await queue.PeekHeadAsync(endpoint.Id, from, ReadBatch, cancellationToken);
        }
        catch
        {
            window.AbortRead();
            throw;
        }
        window.EndRead(rows, from, ReadBatch);
        HeraldMetrics.QueueReads.Add(1);
    }

    /// <summary>
    /// The pass ends with successes still committing: should a write fail, a pass follows that writes it again (with
    /// backoff), so an answered delivery is recorded even when no other work comes.
    /// </summary>
    private void FollowUnrecorded()
    {
        if (!recorder.IsEmpty)
        {
            _ = WakeIfUnrecordedAsync();
        }
    }

    private async Task WakeIfUnrecordedAsync()
    {
        try
        {
            await recorder.SettleAsync();
        }
        catch
        {
            wake.Now();
        }
    }

    private static TimeSpan Later(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
