namespace Herald.Grains.Memory;

/// <summary>
/// Decides when a trim is due, from readings taken at intervals. Only once the process has been quiet (allocating less
/// than the set rate) for the set time, and then for either of two reasons: the GC's committed memory has grown by the
/// set amount above its lowest point since the last trim, and that trim is far enough back (a load peak's garbage); or
/// the set number of endpoint grains were deactivated since the last trim (state that became garbage while no
/// collection ran). Under load the allocation rate stays above the quiet rate, so no trim runs.
/// </summary>
public sealed class IdleTrimPolicy(IdleTrimOptions options)
{
    private long _lastAllocated = -1;
    private long _lowestCommitted = long.MaxValue;
    private long _deactivatedAtTrim = -1;
    private TimeSpan _quiet = TimeSpan.Zero;
    private TimeSpan _sinceTrim = TimeSpan.MaxValue;

    /// <summary>How long the process has been quiet, as of the last reading.</summary>
    public TimeSpan Quiet => _quiet;

    /// <summary>Takes a reading made <paramref name="elapsed"/> after the one before; true when a trim is due now.</summary>
    public bool Observe(MemorySample sample, TimeSpan elapsed)
    {
        _lowestCommitted = Math.Min(_lowestCommitted, sample.CommittedBytes);
        if (_deactivatedAtTrim < 0)
        {
            _deactivatedAtTrim = sample.DeactivatedGrains;
        }
        if (_sinceTrim != TimeSpan.MaxValue)
        {
            _sinceTrim += elapsed;
        }
        if (_lastAllocated < 0 || elapsed <= TimeSpan.Zero)
        {
            _lastAllocated = sample.AllocatedBytes;
            return false;
        }
        var rate = (sample.AllocatedBytes - _lastAllocated) / elapsed.TotalSeconds;
        _lastAllocated = sample.AllocatedBytes;
        _quiet = rate <= options.QuietAllocationBytesPerSecond ? _quiet + elapsed : TimeSpan.Zero;
        if (_quiet < options.QuietFor)
        {
            return false;
        }
        var grown = sample.CommittedBytes - _lowestCommitted >= options.MinimumGrowthBytes && _sinceTrim >= options.MinimumInterval;
        var deactivated = sample.DeactivatedGrains - _deactivatedAtTrim >= options.MinimumDeactivations;
        return grown || deactivated;
    }

    /// <summary>After a trim: its result is the new lowest point and the count of deactivations to start from, and a trim for growth waits for the interval.</summary>
    public void Trimmed(MemorySample after)
    {
        _lowestCommitted = after.CommittedBytes;
        _lastAllocated = after.AllocatedBytes;
        _deactivatedAtTrim = after.DeactivatedGrains;
        _sinceTrim = TimeSpan.Zero;
    }
}
