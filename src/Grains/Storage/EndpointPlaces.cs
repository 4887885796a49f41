using Herald.Abstractions.Webhooks;

namespace Herald.Grains.Storage;

/// <summary>
/// The queue place (seq) of the latest delivery that one publisher (an account grain's activation) committed for each
/// of its endpoints, so that each <see cref="DeliveryNotice"/> can name the place before it. <see cref="EventStore"/>
/// advances it after each commit, in commit order, on its writer; the account grain starts and forgets endpoints.
/// An endpoint the book does not hold has an unknown place, which is always safe: it costs its endpoint one read.
/// </summary>
public sealed class EndpointPlaces
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, long> _latest = [];

    /// <summary>A new endpoint: its queue has no delivery yet.</summary>
    public void Start(string endpointId)
    {
        lock (_gate)
        {
            _latest[endpointId] = DeliveryNotice.NoPlace;
        }
    }

    /// <summary>The endpoint's place is not known any more (deleted, or a commit whose outcome is unknown).</summary>
    public void Forget(string endpointId)
    {
        lock (_gate)
        {
            _latest.Remove(endpointId);
        }
    }

    /// <summary>Records <paramref name="seq"/> as the endpoint's latest place; answers the place before it.</summary>
    public long Advance(string endpointId, long seq)
    {
        lock (_gate)
        {
            var previous = _latest.TryGetValue(endpointId, out var known) ? known : DeliveryNotice.UnknownPlace;
            _latest[endpointId] = seq;
            return previous;
        }
    }
}
