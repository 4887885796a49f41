using System.Globalization;
using Herald.Testing.Processes;

namespace Herald.Bench.Infrastructure;

/// <summary>
/// CPU time used by Herald and by the PostgreSQL backends serving the bench database (read from /proc), so a
/// scenario can state what each delivery or event cost in CPU: a figure that a busy machine distorts far less than
/// a rate does.
/// </summary>
public sealed class CpuMeter(HeraldProcess herald, BenchDatabase database)
{
    private static readonly double TicksPerSecond = 100; // USER_HZ: 100 on Linux (getconf CLK_TCK)

    public async Task<CpuSample> SampleAsync() => new(herald.CpuTime(), await PostgresAsync());

    private async Task<TimeSpan> PostgresAsync()
    {
        var pids = await database.LinesAsync("select pid::text from pg_stat_activity where datname = current_database()");
        var ticks = 0L;
        foreach (var pid in pids)
        {
            try
            {
                // Fields after the command name: state is field 3, utime 14, stime 15.
                var stat = await File.ReadAllTextAsync($"/proc/{pid}/stat");
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                ticks += long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            }
            catch (IOException)
            {
                // The backend ended between the query and the read.
            }
        }
        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }
}
