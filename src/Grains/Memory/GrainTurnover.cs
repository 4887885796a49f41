namespace Herald.Grains.Memory;

/// <summary>
/// Counts the endpoint grains this process has deactivated. Their state (settings, queue window, gates) becomes garbage
/// at that moment, without any allocation that would make the GC run, so the idle trim counts them as memory to give
/// back (<see cref="IdleTrimPolicy"/>).
/// </summary>
public sealed class GrainTurnover
{
    private long _deactivated;

    /// <summary>Endpoint grains deactivated since the process started.</summary>
    public long Deactivated => Interlocked.Read(ref _deactivated);

    public void EndpointDeactivated() => Interlocked.Increment(ref _deactivated);
}
