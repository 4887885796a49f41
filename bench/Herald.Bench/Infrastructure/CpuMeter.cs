namespace Herald.Bench.Infrastructure;

/// <summary>
/// CPU time used by Herald (its process), by PostgreSQL (the whole server: the postmaster and every process it
/// forked, including the backends and autovacuum workers that ended since the last sample) and by the pipe server
/// (the bench's minimal Herald), so that a scenario can state what each delivery or event cost in CPU: a figure that a
/// busy machine distorts far less than a rate does. The bench runs its own PostgreSQL server by default, so the
/// server's CPU is the bench's alone.
/// </summary>
public sealed class CpuMeter(int heraldPid, int postmasterPid, int pipePid)
{
    public int PostmasterPid => postmasterPid;

    public CpuSample Sample()
    {
        var cpu = ProcessTreeCpu.Read([heraldPid, postmasterPid, pipePid]);
        return new CpuSample(cpu[0], cpu[1], cpu[2]);
    }
}
