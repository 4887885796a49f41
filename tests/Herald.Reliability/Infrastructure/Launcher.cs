using Herald.Testing.Processes;

namespace Herald.Reliability.Infrastructure;

/// <summary>
/// Starts Herald's hosts as scripts/run.sh and scripts/cluster.sh lay them out (the Release builds, shipped settings
/// but for loopback delivery and the lifted per-key limit), each registered with the exit guard, its output in the
/// run's log folder.
/// </summary>
public sealed class Launcher(SuiteContext context, string connectionString, IReadOnlyDictionary<string, string>? settings = null)
{
    /// <summary>src/Api as one process that is also the only silo (scripts/run.sh).</summary>
    public Task<HeraldProcess> CohostedAsync(string name) => ReadyAsync(Start(name, context.Options.ApiDll, new Dictionary<string, string>()));

    /// <summary>A src/Silo process (scripts/cluster.sh); not yet ready when it answers.</summary>
    public HeraldProcess Silo(string name) => Start(name, context.Options.SiloDll, new Dictionary<string, string>());

    /// <summary>src/Api as an Orleans client of the silos (scripts/cluster.sh), refreshing its gateway list every second.</summary>
    public Task<HeraldProcess> ClientApiAsync(string name) => ReadyAsync(Start(name, context.Options.ApiDll, new Dictionary<string, string>
    {
        ["Herald__Orleans__Role"] = "Client",
        ["Herald__Orleans__Gateway__GatewayListRefreshPeriod"] = "00:00:01",
    }));

    private HeraldProcess Start(string name, string dll, IReadOnlyDictionary<string, string> role)
    {
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"Build Herald first (scripts/reliability.sh does: dotnet build -c Release): {dll} is missing.", dll);
        }
        var environment = LocalHeraldSettings.Environment(connectionString, context.AdminKey, context.MasterKey);
        foreach (var (key, value) in role.Concat(settings ?? new Dictionary<string, string>()))
        {
            environment[key] = value;
        }
        var process = HeraldProcess.Start(new HeraldStart(name, dll, environment) { LogPath = Path.Combine(context.Logs, name + ".log") });
        context.Guard.Add(process);
        return process;
    }

    private static async Task<HeraldProcess> ReadyAsync(HeraldProcess process)
    {
        try
        {
            await process.WaitReadyAsync(TimeSpan.FromSeconds(120));
            return process;
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
    }
}
