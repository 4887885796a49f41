using System.Globalization;

namespace Herald.Bench.Infrastructure;

/// <summary>
/// <c>--slow F</c>: the bench and every process it starts afterwards (its PostgreSQL server, Herald, the pipe server)
/// share F of the machine's cores, by a CPU quota on a control group of their own (cgroup v2 <c>cpu.max</c>, or v1
/// <c>cpu.cfs_quota_us</c>), every 10 ms. Unlike <c>--busy</c>'s burner, which takes a share per runnable thread
/// from whoever has fewer threads (the wire more than Herald), a quota slows every process of the run alike: a slower
/// machine of the same kind, as a host's contention makes it (docs/benchmarks.md, "A slower machine, on demand").
/// Needs root. Disposing moves the bench back and removes the group.
/// </summary>
public sealed class CpuQuota : IDisposable
{
    private const int PeriodMicroseconds = 10_000;

    private readonly string _group;
    private readonly string _parent;

    private CpuQuota(string group, string parent)
    {
        _group = group;
        _parent = parent;
    }

    public static CpuQuota Start(double fraction)
    {
        var quota = (int)Math.Round(fraction * Environment.ProcessorCount * PeriodMicroseconds);
        var name = $"herald-bench-{Environment.ProcessId}";
        string group;
        string parent;
        if (File.Exists("/sys/fs/cgroup/cgroup.controllers") && File.ReadAllText("/sys/fs/cgroup/cgroup.controllers").Contains("cpu", StringComparison.Ordinal))
        {
            parent = "/sys/fs/cgroup";
            group = Path.Combine(parent, name);
            Directory.CreateDirectory(group);
            File.WriteAllText(Path.Combine(group, "cpu.max"), Invariant($"{quota} {PeriodMicroseconds}"));
        }
        else if (File.Exists("/sys/fs/cgroup/cpu/cpu.cfs_quota_us"))
        {
            parent = "/sys/fs/cgroup/cpu";
            group = Path.Combine(parent, name);
            Directory.CreateDirectory(group);
            File.WriteAllText(Path.Combine(group, "cpu.cfs_period_us"), Invariant($"{PeriodMicroseconds}"));
            File.WriteAllText(Path.Combine(group, "cpu.cfs_quota_us"), Invariant($"{quota}"));
        }
        else
        {
            throw new InvalidOperationException("--slow needs the cgroup cpu controller (cgroup v2 with cpu, or v1 mounted at /sys/fs/cgroup/cpu).");
        }
        // The whole process, all its threads; what it starts from now on is born in the group.
        File.WriteAllText(Path.Combine(group, "cgroup.procs"), Invariant($"{Environment.ProcessId}"));
        return new CpuQuota(group, parent);
    }

    public void Dispose()
    {
        try
        {
            File.WriteAllText(Path.Combine(_parent, "cgroup.procs"), Invariant($"{Environment.ProcessId}"));
            Directory.Delete(_group);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // A process of the run still in the group: it is removed by hand (rmdir), or stays empty and harmless.
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
