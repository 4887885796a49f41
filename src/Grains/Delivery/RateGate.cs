namespace Herald.Grains.Delivery;

/// <summary>Spaces sends at most <c>perSecond</c> apart; with no limit every send may go at once.</summary>
public sealed class RateGate
{
    private DateTimeOffset _nextSlot = DateTimeOffset.MinValue;

    /// <summary>How long to wait before the next send may go.</summary>
    public TimeSpan Wait(DateTimeOffset now) => _nextSlot > now ? _nextSlot - now : TimeSpan.Zero;

    /// <summary>Takes the next slot for a send that goes now.</summary>
    public void Take(DateTimeOffset now, int? perSecond)
    {
        if (perSecond is > 0 and var rate)
        {
            var start = _nextSlot > now ? _nextSlot : now;
            _nextSlot = start + TimeSpan.FromTicks(TimeSpan.TicksPerSecond / rate);
        }
    }
}
