using Herald.Abstractions.Webhooks;

namespace Herald.Grains.Endpoints;

/// <summary>What every part of one endpoint grain reads: its id, its state as it is now, and the stop of its deletion.</summary>
internal sealed class EndpointContext(string id, IPersistentState<EndpointState> state)
{
    private readonly CancellationTokenSource _deleted = new();

    public string Id => id;

    public IPersistentState<EndpointState> Store => state;

    public EndpointState State => state.State;

    /// <summary>Registered and not deleted.</summary>
    public bool Exists => state.RecordExists && !state.State.Deleted;

    public bool IsActive => Exists && state.State.Status == WebhookStatus.Active;

    public bool IsConcurrent => state.State.Ordering == DeliveryOrdering.Concurrent;

    /// <summary>Cancelled when the endpoint is deleted: attempts in flight are abandoned.</summary>
    public CancellationToken Deleted => _deleted.Token;

    public void MarkDeleted()
    {
        state.State.Deleted = true;
        _deleted.Cancel();
    }
}
