using System.Globalization;

namespace Herald.Bench.Report;

/// <summary>The machine's CPU time so far, all cores, from the first line of <c>/proc/stat</c> (clock ticks).</summary>
public readonly record struct CpuTimes(long Total, long Idle, long Steal)
{
    public long Busy => Total - Idle;

    public static CpuTimes Read()
    {
        try
        {
            var line = File.ReadLines("/proc/stat").First(l => l.StartsWith("cpu ", StringComparison.Ordinal));
            // user nice system idle iowait irq softirq steal (guest time is already counted in user)
            var f = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Take(8)
                .Select(v => long.Parse(v, CultureInfo.InvariantCulture)).ToArray();
            return new CpuTimes(f.Sum(), f[3] + f[4], f.Length > 7 ? f[7] : 0);
        }
        catch (Exception exception) when (exception is IOException or InvalidOperationException or FormatException)
        {
            return default;
        }
    }
}
