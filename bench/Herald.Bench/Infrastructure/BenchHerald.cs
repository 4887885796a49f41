using System.Globalization;
using System.Security.Cryptography;
using Herald.Testing;
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
        var environment = new Dictionary<string, string>
        {
            ["ConnectionStrings__Herald"] = connectionString,
            ["Herald__AdminKey"] = adminKey,
            // A fresh key per run: the bench's database is thrown away with the secrets it encrypts.
            ["Herald__Secrets__MasterKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Herald__Delivery__RequireHttps"] = "false",
            ["Herald__Delivery__AllowPrivateNetworks"] = "true",
            // The API's per-key limit (default 1,000 requests per second, fixed window) is a guard operators set; the bench
            // publishes with one key faster than that on a quiet machine and measures Herald, not the guard.
            ["Herald__RateLimit__PermitLimit"] = "1000000",
            ["Herald__Orleans__SiloPort"] = FreePorts.Next().ToString(CultureInfo.InvariantCulture),
            ["Herald__Orleans__GatewayPort"] = FreePorts.Next().ToString(CultureInfo.InvariantCulture),
        };
        foreach (var (key, value) in settings)
        {
            environment[key] = value;
        }
        return HeraldProcess.StartReadyAsync(new HeraldStart("Herald", apiDll, environment) { LogPath = logPath });
    }
}
