using Herald.Abstractions.Webhooks;
using Herald.Grains.Storage;

namespace Herald.Grains.Endpoints;

/// <summary>
/// The front of one endpoint's queue, held in memory in queue order: the deliveries the publishes' notices brought
/// and those the last read found. The endpoint reads PostgreSQL only when the window cannot answer: it was never read
/// (a new activation), a notice showed a gap (its previous place is not the last place the window knows: Orleans may
/// deliver notices out of order), notices were dropped because the window was full or over the silo's
/// <see cref="WindowBudget"/> and the window has run empty, or something other than a publish changed the queue
/// (a resend, a recovery, an enable, a wake-up): <see cref="MarkStale"/>.
/// </summary>
public sealed class QueueWindow(WindowBudget budget, int capacity)
{
    private const int RecentCapacity = 64;

    private readonly List<QueuedDelivery> _entries = [];
    private readonly HashSet<string> _held = [];
    // The places of the deliveries that left the window lately (a place names one delivery), in a ring: a notice of
    // one that arrives late is no gap. Places, not delivery ids: 64 ids and their set kept about 10 KiB alive in every
    // endpoint grain that had delivered 64 messages (docs/benchmarks.md, "Memory over a run").
    private readonly long[] _recent = new long[RecentCapacity];
    private int _recentNext;
    private long _bytes;
    // The place of the latest delivery the window knows of: a notice naming it as its previous place comes next.
    private long _tail = DeliveryNotice.UnknownPlace;
    // The entries hold every pending delivery from the read floor up to _tail, and no notice after _tail was dropped.
    private bool _complete;
    // The entries cannot be trusted until the next read.
    private bool _stale = true;
    // With _stale: the lowest place after which unseen work may lie.
    private long _readAfter;
    // Strict order: every delivery up to this place has finished (the floor of the next read).
    private long _finished;
    // Notices that arrived while a read was under way, offered again once it is applied.
    private List<DeliveryNotice>? _arrivedWhileReading;
    // A change made while a read was under way, which that read may not have seen: with it, the read leaves the
    // window stale from this place.
    private long? _staleWhileReading;

    public IReadOnlyList<QueuedDelivery> Entries => _entries;

    public QueuedDelivery? Head => _entries.Count > 0 ? _entries[0] : null;

    /// <summary>The entries are the whole queue: nothing pending is outside the window.</summary>
    public bool IsWholeQueue => _complete && !_stale;

    /// <summary>The head cannot be known without reading the queue.</summary>
    public bool NeedsRead => _stale || (_entries.Count == 0 && !_complete);

    /// <summary>
    /// The window cannot be trusted until a read: its next strict read may start below places already sent. Otherwise
    /// a read starts after the tail, where no delivery has been sent yet.
    /// </summary>
    public bool IsStale => _stale;

    /// <summary>Where a strict read starts: after the last finished place, or lower where unseen work may lie.</summary>
    public long StrictReadFrom => _stale ? Math.Min(_readAfter, _finished) : Math.Max(_tail, 0);

    /// <summary>Takes a notice as the queue's next entry when it follows on; otherwise notes what has to be read.</summary>
    public void Offer(DeliveryNotice notice)
    {
        if (_arrivedWhileReading is not null)
        {
            _arrivedWhileReading.Add(notice);
            return;
        }
        if (_held.Contains(notice.DeliveryId) || LeftLately(notice.Seq))
        {
            return;
        }
        if (_stale || notice.Seq <= _tail)
        {
            // Behind what the window holds (or the window is to be read anyway): read it in its place.
            MarkStale(notice.Seq - 1);
            return;
        }
        if (_complete && notice.PreviousSeq == _tail && _tail != DeliveryNotice.UnknownPlace && _entries.Count < capacity && budget.TryTake(notice.Body.Length))
        {
            Add(new QueuedDelivery(notice.DeliveryId, notice.EventId, notice.EventType, notice.Body, 0, 0, notice.CreatedAt, notice.CreatedAt, notice.Seq), taken: true);
            _tail = notice.Seq;
            return;
        }
        // After the tail, but not next to it (or no room): read after the tail once the entries have gone out.
        _complete = false;
    }

    /// <summary>Something other than a publish may have queued work after <paramref name="after"/>: read before trusting the head.</summary>
    public void MarkStale(long after = 0)
    {
        after = Math.Max(after, 0);
        if (_arrivedWhileReading is not null)
        {
            _staleWhileReading = Math.Min(_staleWhileReading ?? long.MaxValue, after);
        }
        _stale = true;
        _readAfter = Math.Min(_readAfter, after);
    }

    public void BeginRead()
    {
        _arrivedWhileReading = [];
        _staleWhileReading = null;
    }

    /// <summary>
    /// Replaces the entries with what a read of at most <paramref name="limit"/> pending deliveries after place
    /// <paramref name="from"/> found, then offers the notices that arrived meanwhile.
    /// </summary>
    public void EndRead(IReadOnlyList<QueuedDelivery> rows, long from, int limit)
    {
        var arrived = _arrivedWhileReading ?? [];
        _arrivedWhileReading = null;
        ReleaseAll();
        foreach (var row in rows)
        {
            Add(row, taken: false);
        }
        _complete = rows.Count < limit;
        // A short read saw every pending delivery after `from`: the tail can stay at the latest place known.
        _tail = _complete ? Math.Max(rows.Count > 0 ? rows[^1].Seq : from, _tail) : rows[^1].Seq;
        _stale = false;
        _readAfter = long.MaxValue;
        if (_staleWhileReading is { } after)
        {
            _staleWhileReading = null;
            MarkStale(after);
        }
        foreach (var notice in arrived)
        {
            Offer(notice);
        }
    }

    /// <summary>A read failed: the window stays to be read; the notices that arrived meanwhile are taken as usual.</summary>
    public void AbortRead()
    {
        var arrived = _arrivedWhileReading ?? [];
        _arrivedWhileReading = null;
        _staleWhileReading = null;
        foreach (var notice in arrived)
        {
            Offer(notice);
        }
    }

    /// <summary>A delivery succeeded or ended failed: it leaves the window (strict order: its place is finished).</summary>
    public void Remove(QueuedDelivery delivery, bool finishesPlace)
    {
        var index = _entries.FindIndex(e => e.DeliveryId == delivery.DeliveryId);
        if (index >= 0)
        {
            Release(_entries[index]);
            _entries.RemoveAt(index);
        }
        if (finishesPlace)
        {
            _finished = Math.Max(_finished, delivery.Seq);
        }
        if (delivery.Seq > 0 && !LeftLately(delivery.Seq))
        {
            _recent[_recentNext] = delivery.Seq;
            _recentNext = (_recentNext + 1) % RecentCapacity;
        }
    }

    private bool LeftLately(long place) => place > 0 && Array.IndexOf(_recent, place) >= 0;

    /// <summary>A delivery waits for its retry: the window holds it with the attempt count and due time just recorded.</summary>
    public void Retry(QueuedDelivery delivery, int attempts, DateTimeOffset due)
    {
        var index = _entries.FindIndex(e => e.DeliveryId == delivery.DeliveryId);
        if (index >= 0)
        {
            _entries[index] = _entries[index] with { Attempts = attempts, NextAttemptAt = due };
        }
    }

    /// <summary>Due entries not in flight, due first then in queue order (concurrent mode, whole queue held).</summary>
    public IEnumerable<QueuedDelivery> Due(DateTimeOffset now, IReadOnlyDictionary<string, Task> inFlight) =>
        _entries.Where(e => e.NextAttemptAt <= now && !inFlight.ContainsKey(e.DeliveryId)).OrderBy(e => e.NextAttemptAt).ThenBy(e => e.Seq);

    /// <summary>When the earliest entry falls due; null when the window is empty.</summary>
    public DateTimeOffset? EarliestDue() => _entries.Count == 0 ? null : _entries.Min(e => e.NextAttemptAt);

    /// <summary>Forgets every entry (the endpoint was disabled, deleted or deactivated); the next use reads the whole queue.</summary>
    public void Clear()
    {
        ReleaseAll();
        _complete = false;
        _finished = 0;
        MarkStale();
    }

    private void Add(QueuedDelivery delivery, bool taken)
    {
        if (!taken)
        {
            budget.Take(delivery.Body.Length);
        }
        _bytes += delivery.Body.Length;
        _entries.Add(delivery);
        _held.Add(delivery.DeliveryId);
    }

    private void Release(QueuedDelivery delivery)
    {
        budget.Return(delivery.Body.Length);
        _bytes -= delivery.Body.Length;
        _held.Remove(delivery.DeliveryId);
    }

    private void ReleaseAll()
    {
        budget.Return(_bytes);
        _bytes = 0;
        _entries.Clear();
        _held.Clear();
    }
}
