namespace Herald.Grains.Memory;

/// <summary>
/// One reading of the process's memory: the bytes allocated since the process started and the endpoint grains
/// deactivated since then (both only grow), and the GC's committed memory as of its last collection.
/// </summary>
public readonly record struct MemorySample(long AllocatedBytes, long CommittedBytes, long DeactivatedGrains = 0)
{
    public static MemorySample Read(GrainTurnover turnover) =>
        new(GC.GetTotalAllocatedBytes(precise: false), GC.GetGCMemoryInfo().TotalCommittedBytes, turnover.Deactivated);
}
