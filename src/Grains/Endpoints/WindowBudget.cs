using Herald.Grains.Delivery;
using Microsoft.Extensions.Options;

namespace Herald.Grains.Endpoints;

/// <summary>
/// The bytes of event bodies that all endpoint grains of this silo may hold in their queue windows
/// (<see cref="DeliveryOptions.QueueWindowBudgetBytes"/>). A notice that does not fit is not kept: its endpoint reads
/// the delivery back from PostgreSQL when its turn comes, so memory stays bounded whatever the backlog.
/// </summary>
public sealed class WindowBudget(IOptions<DeliveryOptions> options)
{
    private long _used;

    /// <summary>Bytes held now, by every window of the silo.</summary>
    public long Used => Interlocked.Read(ref _used);

    /// <summary>Takes <paramref name="bytes"/> if they fit; false (and nothing taken) otherwise.</summary>
    public bool TryTake(long bytes)
    {
        var limit = options.Value.QueueWindowBudgetBytes;
        while (true)
        {
            var used = Interlocked.Read(ref _used);
            if (used + bytes > limit)
            {
                return false;
            }
            if (Interlocked.CompareExchange(ref _used, used + bytes, used) == used)
            {
                return true;
            }
        }
    }

    /// <summary>Takes bytes whether they fit or not: what a read brings (at most one read batch per endpoint).</summary>
    public void Take(long bytes) => Interlocked.Add(ref _used, bytes);

    public void Return(long bytes) => Interlocked.Add(ref _used, -bytes);
}
