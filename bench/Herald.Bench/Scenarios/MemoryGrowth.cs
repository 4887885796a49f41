using Herald.Bench.Infrastructure;
using Herald.Bench.Report;

namespace Herald.Bench.Scenarios;

/// <summary>
/// Issue 10: Herald's resident memory after the whole run within 1.5× of what it was after the warm-up. Each reading
/// also gives the managed heap and the GC's committed memory, as of the last GC and after a full GC the bench forces,
/// so that a growth can be told apart: live objects (a leak grows the heap after a full GC), memory the GC keeps for
/// reuse (committed, not live), or memory outside the managed heap.
/// </summary>
public static class MemoryGrowth
{
    public static readonly Target Goal = Target.AtMostValue(1.5);

    public static Task<MemoryReading> AfterWarmUpAsync(BenchContext context) => ReadAsync(context, "after warm-up");

    public static async Task AtEndAsync(BenchContext context, MemoryReading warm)
    {
        var end = await ReadAsync(context, "after the full run");
        var results = context.Results;
        const string scenario = "8 memory over the run";
        results.Record(new Figure("memory.rss.warm", scenario, "Herald's resident memory (RSS) after warm-up", "MiB"), Mib(warm.Rss), Describe(warm));
        results.Record(new Figure("memory.rss.end", scenario, "Herald's resident memory (RSS) after the full run", "MiB"), Mib(end.Rss), Describe(end));
        var trims = (await context.Metrics.MarksAsync()).IdleTrims;
        results.Record(new Figure("memory.rss.growth", scenario, "RSS after the full run ÷ RSS after warm-up", "×") { Format = "0.00", Target = Goal },
            (double)end.Rss / warm.Rss, $"Herald's idle memory trims over the run: {trims}");
        results.Record(new Figure("memory.heap.growth", scenario, "managed heap after a forced full GC: after the full run ÷ after warm-up", "×") { Format = "0.00" },
            warm.HeapAfterFullGc > 0 && end.HeapAfterFullGc > 0 ? (double)end.HeapAfterFullGc / warm.HeapAfterFullGc : double.NaN,
            $"{Mib(warm.HeapAfterFullGc):N0} → {Mib(end.HeapAfterFullGc):N0} MiB");
    }

    private static async Task<MemoryReading> ReadAsync(BenchContext context, string when)
    {
        var reading = await context.Memory.ReadAsync();
        context.Log($"memory {when}: {Describe(reading)}");
        return reading;
    }

    /// <summary>"RSS 330 MiB (anonymous 250), 60 threads; heap 114 MiB, GC committed 151 MiB as of the last GC; after a forced full GC: …".</summary>
    private static string Describe(MemoryReading r) =>
        $"RSS {Mib(r.Rss):N0} MiB (anonymous {Mib(r.RssAnonymous):N0}), {r.Threads} threads; heap {Mib(r.Heap):N0} MiB, GC committed {Mib(r.Committed):N0} MiB " +
        $"as of the last GC; after a forced full GC: RSS {Mib(r.RssAfterFullGc):N0}, heap {Mib(r.HeapAfterFullGc):N0}, GC committed {Mib(r.CommittedAfterFullGc):N0} MiB";

    private static double Mib(long bytes) => bytes < 0 ? double.NaN : bytes / 1048576.0;
}
