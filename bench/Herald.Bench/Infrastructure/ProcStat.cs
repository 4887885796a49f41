using System.Globalization;

namespace Herald.Bench.Infrastructure;

/// <summary>
/// The fields of <c>/proc/[pid]/stat</c> the CPU meter needs, in clock ticks: the process's own CPU (all its threads)
/// and the CPU of its children that ended and that it waited for (which the kernel adds to the parent when it reaps
/// them, so that a process tree's CPU survives its processes).
/// </summary>
public readonly record struct ProcStat(int Pid, int ParentPid, long OwnTicks, long ReapedTicks)
{
    /// <summary>USER_HZ, the unit of these fields: 100 on Linux (<c>getconf CLK_TCK</c>).</summary>
    public const double TicksPerSecond = 100;

    public long TotalTicks => OwnTicks + ReapedTicks;

    /// <summary>Reads one process; null when it is gone (it ended, and was reaped, between listing and reading).</summary>
    public static ProcStat? Read(int pid)
    {
        string text;
        try
        {
            text = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
        return Parse(pid, text);
    }

    /// <summary>
    /// Parses a stat line. The command name (field 2) may hold spaces and parentheses, so the fields are counted from
    /// the last ')': then state is field 3, ppid 4, utime 14, stime 15, cutime 16, cstime 17 (proc(5)).
    /// </summary>
    public static ProcStat? Parse(int pid, string text)
    {
        var close = text.LastIndexOf(')');
        if (close < 0 || close + 2 >= text.Length)
        {
            return null;
        }
        var fields = text[(close + 2)..].Split(' ');
        if (fields.Length < 15)
        {
            return null;
        }
        long Field(int number) => long.Parse(fields[number - 3], CultureInfo.InvariantCulture);
        return new ProcStat(pid, (int)Field(4), Field(14) + Field(15), Field(16) + Field(17));
    }
}
