using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Herald.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Herald.Tests.Api;

/// <summary>
/// The whole Herald (API co-hosting a silo) on a fresh database, driven through its REST API. Subclasses add
/// settings of their own (a strict catalog, a low rate limit) on top of the test defaults.
/// </summary>
public class ApiFixture : IAsyncLifetime
{
    public const string AdminKey = "test-admin-key-0123456789";

    private readonly IReadOnlyDictionary<string, string> _settings;
    private WebApplicationFactory<Program> _factory = null!;

    public ApiFixture()
        : this(new Dictionary<string, string>())
    {
    }

    protected ApiFixture(IReadOnlyDictionary<string, string> settings) => _settings = settings;

    /// <summary>Herald's database on the shared server (none when a subclass brings its own server).</summary>
    public TestDatabase Database { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var connectionString = await OpenDatabaseAsync();
        Port = OverSockets ? FreePorts.Next() : 0;
        _factory = Factory(connectionString, _settings).WithWebHostBuilder(web => web
            .UseSetting("urls", OverSockets ? $"http://127.0.0.1:{Port}" : null)
            .ConfigureLogging(logging => logging.AddProvider(Logs))
            .ConfigureTestServices(ConfigureServices));
        if (OverSockets)
        {
            _factory.UseKestrel();
            _factory.StartServer();
        }
        else
        {
            _ = _factory.Server;
        }
    }

    /// <summary>
    /// Herald (the API co-hosting a silo) with the test defaults, then <paramref name="settings"/>, on the database of
    /// <paramref name="connectionString"/>; not started.
    /// </summary>
    public static WebApplicationFactory<Program> Factory(string connectionString, IReadOnlyDictionary<string, string> settings) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(web => web
            .UseSetting("ConnectionStrings:Herald", connectionString)
            .UseSetting("Herald:AdminKey", AdminKey)
            .UseSetting(TestSecrets.MasterKeySetting, TestSecrets.MasterKey)
            .UseSetting("Herald:Delivery:RequireHttps", "false")
            .UseSetting("Herald:Delivery:AllowedNetworks", TestNetworks.Receivers)
            .UseSetting("Herald:Orleans:SiloPort", FreePorts.Next().ToString())
            .UseSetting("Herald:Orleans:GatewayPort", FreePorts.Next().ToString())
            .UseSetting("Herald:Orleans:MinimumReminderPeriod", "00:00:01")
            .UseSettings(settings));

    /// <summary>Services a subclass puts in place of Herald's own (a clock of its own).</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    /// <summary>Serve on a real Kestrel socket of 127.0.0.1 (<see cref="Port"/>) rather than the in-memory test server.</summary>
    protected virtual bool OverSockets => false;

    /// <summary>The port of 127.0.0.1 Herald listens on, when <see cref="OverSockets"/>.</summary>
    public int Port { get; private set; }

    /// <summary>Herald's services (its grain factory, its stores), for tests that call a part directly.</summary>
    public IServiceProvider Services => _factory.Services;

    /// <summary>What Herald has logged at Information and above.</summary>
    public LogCapture Logs { get; } = new();

    public HttpClient Client(string? key)
    {
        var client = _factory.CreateClient();
        if (key is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }
        return client;
    }

    /// <summary>Creates an account with the admin key; returns its id and API key.</summary>
    public async Task<(string Id, string Key)> CreateAccountAsync(string name = "test")
    {
        // Disposed at once: over real sockets its pooled connection would otherwise count against per-address limits.
        using var admin = Client(AdminKey);
        var response = await admin.PostAsJsonAsync("/v1/accounts", new { name });
        response.EnsureSuccessStatusCode();
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (json.GetProperty("id").GetString()!, json.GetProperty("api_key").GetString()!);
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await CloseDatabaseAsync();
    }

    /// <summary>Creates Herald's database; answers its connection string.</summary>
    protected virtual async Task<string> OpenDatabaseAsync()
    {
        Database = await TestDatabase.CreateAsync();
        return Database.ConnectionString;
    }

    protected virtual async Task CloseDatabaseAsync() => await Database.DisposeAsync();
}
