namespace Herald.Bench.Infrastructure;

/// <summary>
/// PostgreSQL's waits on the disk while a latency step runs: every 10 ms, the server's processes (the postmaster's
/// children, listed again each second) that are in uninterruptible sleep (state D), with the kernel function they
/// wait in (<c>/proc/PID/wchan</c>, e.g. <c>submit_bio_wait</c>: a flush waiting for the disk's cache). A step then
/// names its longest wait beside its p99: one slow flush holds every commit, and so every publish answer, for its
/// length (docs/benchmarks.md, "The latency tail"). Reads /proc only, on a thread of its own; stops when disposed.
/// </summary>
public sealed class DiskWaits : IDisposable
{
    private static readonly TimeSpan Period = TimeSpan.FromMilliseconds(10);

    private readonly int _postmaster;
    private readonly DiskWaitJoiner _joiner = new(Period, TimeSpan.FromMilliseconds(30));
    private readonly Dictionary<int, string> _roles = [];
    private readonly Thread _thread;
    private volatile bool _stopping;

    private DiskWaits(int postmaster)
    {
        _postmaster = postmaster;
        _thread = new Thread(Run) { IsBackground = true, Name = "bench disk waits" };
        _thread.Start();
    }

    public static DiskWaits Start(int postmasterPid) => new(postmasterPid);

    /// <summary>The longest wait seen, once disposed; null when no process of the server was seen waiting.</summary>
    public DiskWait? Longest => _joiner.Longest;

    /// <summary>"longest PostgreSQL disk wait 240 ms in submit_bio_wait (postgres: walwriter, at 05:50:49.5)", once disposed.</summary>
    public string Summary => Longest is { } wait ? $"longest PostgreSQL disk wait {wait.Describe()}" : "no PostgreSQL disk wait seen";

    public void Dispose()
    {
        if (_stopping)
        {
            return;
        }
        _stopping = true;
        _thread.Join();
        _joiner.Finish();
    }

    private void Run()
    {
        var children = new List<int>();
        var listed = DateTimeOffset.MinValue;
        while (!_stopping)
        {
            var now = DateTimeOffset.UtcNow;
            if (now - listed > TimeSpan.FromSeconds(1))
            {
                children = Children();
                listed = now;
            }
            var waiting = new List<(int, string, string)>();
            foreach (var pid in children)
            {
                if (Waiting(pid) is { } function)
                {
                    waiting.Add((pid, Role(pid), function));
                }
            }
            _joiner.Add(now, waiting);
            Thread.Sleep(Period);
        }
    }

    private List<int> Children()
    {
        var pids = new List<int>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), out var pid) && ProcStat.Read(pid)?.ParentPid == _postmaster)
            {
                pids.Add(pid);
            }
        }
        return pids;
    }

    /// <summary>The kernel function the process waits in, when it is in state D; otherwise null.</summary>
    private static string? Waiting(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var close = stat.LastIndexOf(')');
            if (close < 0 || close + 2 >= stat.Length || stat[close + 2] != 'D')
            {
                return null;
            }
            var function = File.ReadAllText($"/proc/{pid}/wchan").Trim();
            return function.Length == 0 || function == "0" ? "(unknown)" : function;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private string Role(int pid)
    {
        if (!_roles.TryGetValue(pid, out var role))
        {
            try
            {
                role = File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ').Trim();
                role = role.Length > 40 ? role[..40] : role;
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                role = "?";
            }
            _roles[pid] = role;
        }
        return role;
    }
}
