namespace Herald.Bench.Infrastructure;

/// <summary>
/// What a load run did: operations that succeeded and failed, how long it took, each operation's latency, and (open
/// loop) operations not started because too many were still outstanding.
/// </summary>
public sealed record LoadResult(long Ok, long Failed, TimeSpan Elapsed, IReadOnlyList<double> LatenciesMs, string? FirstError, long Skipped = 0)
{
    public double PerSecond => Ok / Elapsed.TotalSeconds;
}
