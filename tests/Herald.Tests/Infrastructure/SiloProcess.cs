using Microsoft.Extensions.DependencyInjection;
using Herald.Grains.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Herald.Tests.Infrastructure;

/// <summary>
/// A full Herald silo as production runs it (ADO.NET clustering, storage and reminders on PostgreSQL), in a host of
/// its own on fresh ports of 127.0.0.1, so a test can stop it and start another on the same database.
/// </summary>
public sealed class SiloProcess : IAsyncDisposable
{
    private readonly IHost _host;

    private SiloProcess(IHost host) => _host = host;

    public IGrainFactory Grains => _host.Services.GetRequiredService<IGrainFactory>();

    public SiloAddress Address => _host.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress;

    public IServiceProvider Services => _host.Services;

    /// <summary>Starts a silo; <paramref name="settings"/> add to or override its configuration.</summary>
    public static async Task<SiloProcess> StartAsync(string connectionString, IEnumerable<KeyValuePair<string, string>>? settings = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Herald"] = connectionString,
            ["Herald:Orleans:SiloPort"] = FreePorts.Next().ToString(),
            ["Herald:Orleans:GatewayPort"] = FreePorts.Next().ToString(),
            ["Herald:Orleans:MinimumReminderPeriod"] = "00:00:01",
            ["Herald:Delivery:AllowedNetworks"] = TestNetworks.Receivers,
            [TestSecrets.MasterKeySetting] = TestSecrets.MasterKey,
        });
        builder.Configuration.AddInMemoryCollection(settings?.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)) ?? []);
        builder.UseOrleans(silo => silo.AddHerald(builder.Configuration));
        var host = builder.Build();
        await host.StartAsync();
        return new SiloProcess(host);
    }

    public async Task StopAsync() => await _host.StopAsync();

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
