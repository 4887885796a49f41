using Herald.Abstractions.Webhooks;
using Herald.Grains.Storage;

namespace Herald.Grains.Endpoints;

/// <summary>What every part of one endpoint grain reads: its id, its state as it is now, and the stop of its deletion.</summary>
internal sealed class EndpointContext(string id, IPersistentState<EndpointState> state)
{
    private readonly CancellationTokenSource _deleted = new();
    private readonly StateRecord<EndpointState> _record = new(state);

    public string Id => id;

    public IPersistentState<EndpointState> Store => state;

    public EndpointState State => state.State;

    /// <summary>Registered and not deleted.</summary>
    public bool Exists => IsRecorded && !state.State.Deleted;

    /// <summary>Its record is there and stays: false from the moment its removal starts (see <see cref="StateRecord{TState}"/>).</summary>
    public bool IsRecorded => _record.Exists;

    /// <summary>Deleted, its record not yet being removed.</summary>
    public bool IsTombstone => IsRecorded && state.State.Deleted;

    public bool IsActive => Exists && state.State.Status == WebhookStatus.Active;

    public bool IsConcurrent => state.State.Ordering == DeliveryOrdering.Concurrent;

    /// <summary>Cancelled when the endpoint is deleted: attempts in flight are abandoned.</summary>
    public CancellationToken Deleted => _deleted.Token;

    /// <summary>Claims the removal of a tombstone's record; false when it is no tombstone or another call removes it.</summary>
    public bool BeginForget()
    {
        if (!IsTombstone)
        {
            return false;
        }
        _record.BeginClear();
        return true;
    }

    /// <summary>The removal failed before the record was cleared: the tombstone stands, and a later wake-up or read retries.</summary>
    public void ForgetFailed() => _record.ClearFailed();

    public void MarkDeleted()
    {
        state.State.Deleted = true;
        _deleted.Cancel();
    }
}
