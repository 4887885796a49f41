using Herald.Grains.Storage;
using Herald.Grains.Telemetry;

namespace Herald.Grains.Endpoints;

/// <summary>
/// The endpoint's attempt records on their way to PostgreSQL (through the group-committing <see cref="AttemptWriter"/>).
/// An outcome is never dropped: a record whose write fails stays here and is submitted again, with the same attempt id
/// (the statement is idempotent), until it commits; meanwhile the drains send nothing (<see cref="HasFailed"/>). Once a
/// record with consequences (a failed delivery, a failing streak's start or end) is durable, they are applied.
/// </summary>
internal sealed class AttemptRecorder(DeliveryQueue queue, Func<FailedDelivery, Task> applyConsequences)
{
    private readonly List<(AttemptRecord Record, Task Commit)> _unrecorded = [];
    private Task? _settling;

    public bool IsEmpty => _unrecorded.Count == 0;

    /// <summary>A write has failed and waits to be submitted again.</summary>
    public bool HasFailed => _unrecorded.Exists(u => u.Commit.IsCompleted && !u.Commit.IsCompletedSuccessfully);

    /// <summary>The deliveries whose latest outcome is not durable yet: their rows still say what they said before.</summary>
    public IEnumerable<string> DeliveryIds => _unrecorded.Select(u => u.Record.DeliveryId);

    /// <summary>Hands a record to the group committer; the caller may go on before it commits.</summary>
    public void Submit(AttemptRecord record) => _unrecorded.Add((record, queue.RecordAttemptAsync(record)));

    /// <summary>Forgets the records of successes that have committed, so the list stays short between settles.</summary>
    public void TrimCommitted() =>
        _unrecorded.RemoveAll(u => u.Commit.IsCompletedSuccessfully && !u.Record.HasConsequences);

    /// <summary>
    /// Completes once every record handed over is durable (submitting again those whose write failed) and the
    /// consequences of each failed delivery among them are applied. Throws while a write still fails; the records stay.
    /// </summary>
    public async Task SettleAsync()
    {
        // One settle at a time: a second caller joins the one under way, which goes on until the list is empty.
        if (_settling is { } running)
        {
            await running;
            return;
        }
        var settling = SettleAllAsync();
        _settling = settling;
        try
        {
            await settling;
        }
        finally
        {
            _settling = null;
        }
    }

    private async Task SettleAllAsync()
    {
        for (var i = 0; i < _unrecorded.Count; i++)
        {
            if (_unrecorded[i].Commit.IsCompleted && !_unrecorded[i].Commit.IsCompletedSuccessfully)
            {
                _unrecorded[i] = (_unrecorded[i].Record, queue.RecordAttemptAsync(_unrecorded[i].Record));
                HeraldMetrics.RecordRetries.Add(1);
            }
        }
        while (_unrecorded.Count > 0)
        {
            var next = _unrecorded[0];
            await next.Commit;
            _unrecorded.Remove(next);
            foreach (var row in FailedDelivery.Of(next.Record))
            {
                await applyConsequences(row);
            }
        }
    }
}
