namespace Herald.Bench.Infrastructure;

/// <summary>Cumulative CPU time of Herald and of the bench database's PostgreSQL backends at one moment.</summary>
public sealed record CpuSample(TimeSpan Herald, TimeSpan Postgres)
{
    /// <summary>"Herald 312 + PostgreSQL 140 ms per 1,000 deliveries" style: CPU used since <paramref name="start"/> per 1,000 operations.</summary>
    public (double HeraldMs, double PostgresMs) PerThousand(CpuSample start, long operations) =>
        operations <= 0 ? (double.NaN, double.NaN)
            : ((Herald - start.Herald).TotalMilliseconds * 1000 / operations, (Postgres - start.Postgres).TotalMilliseconds * 1000 / operations);
}
