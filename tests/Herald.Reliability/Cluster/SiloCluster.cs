using System.Diagnostics;
using Herald.Reliability.Infrastructure;
using Herald.Testing.Processes;

namespace Herald.Reliability.Cluster;

/// <summary>
/// Two src/Silo processes as scripts/cluster.sh runs them; <see cref="KillAndReplaceAsync"/> SIGKILLs the older one and
/// starts another in its place, so that two silos share the work again once it is ready.
/// </summary>
public sealed class SiloCluster(Launcher launcher, SuiteContext context) : IAsyncDisposable
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(120);

    private readonly List<HeraldProcess> _all = [];
    private readonly Queue<HeraldProcess> _live = new();

    /// <summary>When each kill happened, on the scenario's clock.</summary>
    public List<TimeSpan> Kills { get; } = [];

    /// <summary>Starts both silos at once (the second waits on the first's schema lock) and waits until both are ready.</summary>
    public async Task StartAsync()
    {
        Add();
        Add();
        await WaitReadyAsync();
    }

    /// <summary>Waits until every live silo is ready (a replacement may still be starting).</summary>
    public async Task WaitReadyAsync()
    {
        foreach (var silo in _live)
        {
            await silo.WaitReadyAsync(ReadyTimeout);
        }
    }

    /// <summary>Once both silos are ready, kills the older one and starts a replacement.</summary>
    public async Task KillAndReplaceAsync(Stopwatch clock)
    {
        await WaitReadyAsync();
        var victim = _live.Dequeue();
        await victim.KillAsync();
        Kills.Add(clock.Elapsed);
        context.Log($"kill: SIGKILL to {victim.Name} (pid {victim.Id}); starting a replacement");
        Add();
    }

    private HeraldProcess Add()
    {
        var silo = launcher.Silo($"kill-silo-{_all.Count + 1}");
        _all.Add(silo);
        _live.Enqueue(silo);
        return silo;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var silo in _all)
        {
            await silo.DisposeAsync();
        }
    }
}
