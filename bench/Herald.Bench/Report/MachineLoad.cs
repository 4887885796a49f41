using System.Diagnostics;
using System.Globalization;
using Herald.Bench.Infrastructure;
using Herald.Testing.Reports;

namespace Herald.Bench.Report;

/// <summary>
/// How busy the machine was during the run, besides the bench: the 1-minute load average sampled every few seconds,
/// the CPU stolen by the hypervisor, and the CPU used by processes other than the bench, Herald, PostgreSQL and the
/// pipe server (other people's work, or the <c>--busy</c> burner), as a share of all cores.
/// </summary>
public sealed class MachineLoad : IAsyncDisposable
{
    private static readonly TimeSpan Every = TimeSpan.FromSeconds(5);

    private readonly List<double> _loadAverages = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampler;
    private readonly CpuTimes _start = CpuTimes.Read();
    private readonly TimeSpan _benchStart = Process.GetCurrentProcess().TotalProcessorTime;
    private readonly CpuSample _measuredStart;

    /// <param name="start">Herald's, PostgreSQL's and the pipe server's CPU now: what they use from here on is the bench's, not others'.</param>
    public MachineLoad(CpuSample start)
    {
        _measuredStart = start;
        _sampler = SampleAsync(_stop.Token);
    }

    /// <summary>What the report says about the load, once the run is over.</summary>
    public string Summary { get; private set; } = "";

    public IReadOnlyList<double> LoadAverages => _loadAverages;

    /// <summary>Share of all cores used by other processes, over the run (0–1).</summary>
    public double OthersShare { get; private set; } = double.NaN;

    public double StealShare { get; private set; } = double.NaN;

    public async Task FinishAsync(CpuSample end, int cores)
    {
        await _stop.CancelAsync();
        await _sampler;
        var now = CpuTimes.Read();
        var total = now.Total - _start.Total;
        var bench = (Process.GetCurrentProcess().TotalProcessorTime - _benchStart).TotalSeconds * ProcStat.TicksPerSecond;
        var measured = end.Since(_measuredStart).TotalSeconds * ProcStat.TicksPerSecond;
        if (total > 0)
        {
            StealShare = (now.Steal - _start.Steal) / (double)total;
            OthersShare = Math.Max(0, (now.Busy - _start.Busy - bench - measured) / total);
        }
        var loads = new Spread(_loadAverages);
        Summary = string.Create(CultureInfo.InvariantCulture,
            $"load average (1 min, every {Every.TotalSeconds:0} s) median {loads.Median:0.00}, range {loads.Range("0.00")}; " +
            $"CPU used by other processes {OthersShare:P0} of {cores} cores; CPU steal {(double.IsNaN(StealShare) ? "not readable" : StealShare.ToString("P1", CultureInfo.InvariantCulture))}");
    }

    private async Task SampleAsync(CancellationToken stop)
    {
        using var timer = new PeriodicTimer(Every);
        do
        {
            if (double.TryParse(Machine.LoadAverage(), CultureInfo.InvariantCulture, out var load))
            {
                _loadAverages.Add(load);
            }
        }
        while (await Ticks(timer, stop));
    }

    private static async Task<bool> Ticks(PeriodicTimer timer, CancellationToken stop)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stop);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _sampler;
        _stop.Dispose();
    }
}
