using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;

namespace Herald.Bench.Infrastructure;

/// <summary>
/// <c>--busy</c>: one process that spins on one core for the whole run, so that a run on a busy machine can be made on
/// demand (docs/benchmarks.md compares its ratios with a quiet run's). Bounded: <c>timeout</c> ends it after the run's
/// time limit even if the bench itself is killed, and disposing ends it at once.
/// </summary>
public sealed class Burner : IDisposable
{
    private readonly Process _process;

    private Burner(Process process) => _process = process;

    public int Id => _process.Id;

    public static Burner Start(TimeSpan limit)
    {
        var start = new ProcessStartInfo("timeout") { UseShellExecute = false };
        foreach (var argument in new[] { ((int)limit.TotalSeconds).ToString(CultureInfo.InvariantCulture), "sh", "-c", "while :; do :; done" })
        {
            start.ArgumentList.Add(argument);
        }
        return new Burner(Process.Start(start)!);
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(5000);
            }
        }
        catch (Exception exception) when (exception is InvalidOperationException or Win32Exception)
        {
        }
        _process.Dispose();
    }
}
