namespace Herald.Bench.Infrastructure;

/// <summary>Cumulative CPU time of Herald and of the PostgreSQL server at one moment.</summary>
public sealed record CpuSample(TimeSpan Herald, TimeSpan Postgres)
{
    /// <summary>CPU used since <paramref name="start"/>, in µs per operation (the same number as ms per 1,000).</summary>
    public (double Herald, double Postgres) MicrosecondsPer(CpuSample start, long operations) =>
        operations <= 0 ? (double.NaN, double.NaN)
            : ((Herald - start.Herald).TotalMicroseconds / operations, (Postgres - start.Postgres).TotalMicroseconds / operations);
}
