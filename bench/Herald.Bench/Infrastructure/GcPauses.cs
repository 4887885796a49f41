namespace Herald.Bench.Infrastructure;

/// <summary>
/// The garbage collectors' pauses so far, Herald's (from its <c>/metrics</c>) and the bench's own (its client and
/// receiver, which time every publish and arrival): the difference of two samples says whose pauses a step's slow
/// answers can be laid to.
/// </summary>
public sealed record GcPauses(TimeSpan Herald, long HeraldFull, TimeSpan Bench, int BenchFull)
{
    public static async Task<GcPauses> SampleAsync(HeraldMetrics metrics)
    {
        var (paused, full) = await metrics.GcPausesAsync();
        return new(paused, full, GC.GetTotalPauseDuration(), GC.CollectionCount(2));
    }

    /// <summary>"GC paused Herald 420 ms (1 full collection), the bench 35 ms (0)" over the time since <paramref name="before"/>.</summary>
    public string Since(GcPauses before) =>
        $"GC paused Herald {(Herald - before.Herald).TotalMilliseconds:N0} ms ({HeraldFull - before.HeraldFull} full collection{(HeraldFull - before.HeraldFull == 1 ? "" : "s")}), " +
        $"the bench {(Bench - before.Bench).TotalMilliseconds:N0} ms ({BenchFull - before.BenchFull})";
}
