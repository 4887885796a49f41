using Herald.Abstractions.Webhooks;

namespace Herald.Grains.Storage;

/// <summary>
/// The queue place (seq) of the latest delivery that one publisher (an account grain's activation) committed for each
/// of its endpoints, so that each <see cref="DeliveryNotice"/> can name the place before it. <see cref="EventStore"/>
/// advances it after each commit, in commit order, on its writer; the account grain forgets deleted endpoints. An
/// endpoint the book does not hold yet (its first publish in this activation) has an unknown place, which is always
/// safe: it costs its endpoint one read. The book never claims that a queue is empty: rows may exist that this
/// activation did not write (an earlier activation's, or rows loaded by hand).
/// </summary>
public sealed class EndpointPlaces
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, long> _latest = [];

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
