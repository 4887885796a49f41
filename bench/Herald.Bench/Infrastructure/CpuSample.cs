namespace Herald.Bench.Infrastructure;

/// <summary>Cumulative CPU time of Herald, of the PostgreSQL server and of the pipe server at one moment.</summary>
public sealed record CpuSample(TimeSpan Herald, TimeSpan Postgres, TimeSpan Pipe)
{
    /// <summary>Herald's and PostgreSQL's CPU since <paramref name="start"/>, in µs per operation (the same number as ms per 1,000).</summary>
    public (double Herald, double Postgres) MicrosecondsPer(CpuSample start, long operations) =>
        (Per(Herald - start.Herald, operations), Per(Postgres - start.Postgres, operations));

    /// <summary>The pipe server's and PostgreSQL's CPU since <paramref name="start"/>, in µs per operation: what a minimal Herald spends.</summary>
    public (double Pipe, double Postgres) PipeMicrosecondsPer(CpuSample start, long operations) =>
        (Per(Pipe - start.Pipe, operations), Per(Postgres - start.Postgres, operations));

    /// <summary>All three since <paramref name="start"/>: the CPU of the processes the bench measures, not others'.</summary>
    public TimeSpan Since(CpuSample start) => Herald - start.Herald + (Postgres - start.Postgres) + (Pipe - start.Pipe);

    private static double Per(TimeSpan cpu, long operations) => operations <= 0 ? double.NaN : cpu.TotalMicroseconds / operations;
}
