using System.Security.Cryptography;
using Herald.Testing.Processes;

namespace Herald.Bench.Infrastructure;

/// <summary>
/// Herald as it ships: the Release API dll (a co-hosted silo) in a child process of its own, on fresh ports, its
/// output in a log file.
/// </summary>
public static class BenchHerald
{
    public static Task<HeraldProcess> StartAsync(
        string apiDll, string connectionString, string adminKey, string logPath, IReadOnlyDictionary<string, string> settings)
    {
        if (!File.Exists(apiDll))
        {
            throw new FileNotFoundException($"Build Herald first (dotnet build -c Release): {apiDll} is missing.", apiDll);
        }
        // A fresh master key per run: the bench's database is thrown away with the secrets it encrypts.
        var environment = LocalHeraldSettings.Environment(connectionString, adminKey, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        foreach (var (key, value) in settings)
        {
            environment[key] = value;
        }
        return HeraldProcess.StartReadyAsync(new HeraldStart("Herald", apiDll, environment) { LogPath = logPath });
    }
}
