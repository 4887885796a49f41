namespace Herald.Grains.Memory;

/// <summary>
/// One reading of the runtime's memory: the bytes allocated since the process started (it only grows) and the GC's
/// committed memory as of its last collection.
/// </summary>
public readonly record struct MemorySample(long AllocatedBytes, long CommittedBytes)
{
    public static MemorySample Read() => new(GC.GetTotalAllocatedBytes(precise: false), GC.GetGCMemoryInfo().TotalCommittedBytes);
}
