using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Herald.Testing.Processes;

namespace Herald.Tests.Infrastructure.Processes;

/// <summary>
/// Herald as operations run it: silo processes (src/Silo) and API processes (src/Api as an Orleans client), started
/// with <c>dotnet</c> on fresh ports of 127.0.0.1 against one database. Disposing kills whatever still runs, so a
/// failed test leaves no process behind.
/// </summary>
public sealed class ProcessCluster(string connectionString, IReadOnlyDictionary<string, string>? settings = null) : IAsyncDisposable
{
    public const string AdminKey = "process-admin-key-0123456789";

    private readonly List<HeraldProcess> _processes = [];

    public async Task<HeraldProcess> StartSiloAsync(string name)
    {
        var environment = Common();
        environment["Herald__Orleans__SiloPort"] = FreePorts.Next().ToString();
        environment["Herald__Orleans__GatewayPort"] = FreePorts.Next().ToString();
        return await StartAsync(new HeraldStart(name, Path.Combine(HeraldBuild.SiloDirectory, "Herald.Silo.dll"), environment));
    }

    public async Task<HeraldProcess> StartApiAsync(string name = "api")
    {
        var environment = Common();
        environment["Herald__Orleans__Role"] = "Client";
        environment["Herald__Orleans__Gateway__GatewayListRefreshPeriod"] = "00:00:01";
        return await StartAsync(new HeraldStart(name, Path.Combine(HeraldBuild.ApiDirectory, "Herald.Api.dll"), environment));
    }

    public static HttpClient Client(HeraldProcess api, string key) => new()
    {
        BaseAddress = api.Url,
        Timeout = TimeSpan.FromSeconds(40),
        DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Bearer", key) },
    };

    /// <summary>Creates an account through the API with the admin key; returns a client holding the account's key.</summary>
    public static async Task<HttpClient> AccountClientAsync(HeraldProcess api)
    {
        using var admin = Client(api, AdminKey);
        var response = await admin.PostAsJsonAsync("/v1/accounts", new { name = "processes" });
        response.EnsureSuccessStatusCode();
        var key = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("api_key").GetString()!;
        return Client(api, key);
    }

    /// <summary>The last lines of every process, for a failure message.</summary>
    public string Diagnostics() => string.Join("\n\n", _processes.Select(p => $"--- {p.Name} (pid {p.Id}) ---\n{p.Tail(40)}"));

    private Dictionary<string, string> Common()
    {
        var environment = new Dictionary<string, string>
        {
            ["ConnectionStrings__Herald"] = connectionString,
            // The API's admin key, and the key of every silo's dashboard.
            ["Herald__AdminKey"] = AdminKey,
            ["Herald__Delivery__RequireHttps"] = "false",
            ["Herald__Delivery__AllowedNetworks"] = TestNetworks.Receivers,
            ["Herald__Secrets__MasterKey"] = TestSecrets.MasterKey,
            ["Herald__Metrics__BacklogRefresh"] = "00:00:00.500",
            ["DOTNET_gcServer"] = "0",
            // One line per entry, timed: the tests read the output for what a silo did.
            ["Logging__Console__FormatterName"] = "simple",
            ["Logging__Console__FormatterOptions__SingleLine"] = "true",
            ["Logging__Console__FormatterOptions__TimestampFormat"] = "HH:mm:ss.fff ",
            ["Logging__LogLevel__Default"] = "Information",
            ["Logging__LogLevel__Orleans"] = "Warning",
            ["Logging__LogLevel__Microsoft"] = "Warning",
            ["Logging__LogLevel__Npgsql"] = "Warning",
            ["Logging__LogLevel__Polly"] = "Warning",
            ["Logging__LogLevel__System.Net.Http"] = "Warning",
        };
        foreach (var (key, value) in ProcessSettings.AsEnvironment(settings ?? ProcessSettings.FastFailover))
        {
            environment[key] = value;
        }
        return environment;
    }

    private async Task<HeraldProcess> StartAsync(HeraldStart start)
    {
        var process = HeraldProcess.Start(start);
        _processes.Add(process);
        await process.WaitReadyAsync();
        return process;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in _processes)
        {
            await process.DisposeAsync();
        }
    }
}
