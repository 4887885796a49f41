using System.Globalization;
using Herald.Grains.Delivery;
using Herald.Grains.Hosting;
using Herald.Grains.Secrets;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace Herald.Tests.Infrastructure;

/// <summary>TestingHost silos with Herald's real grains, storage and reminders on the fixture's PostgreSQL database.</summary>
public sealed class TestSiloConfigurator : ISiloConfigurator
{
    public const string ConnectionStringKey = "HeraldTestConnectionString";

    /// <summary>The wake reminder's period (default 2 s); a fixture that must not be rescued by the reminder sets it longer.</summary>
    public const string WakeReminderPeriodKey = "HeraldTestWakeReminderPeriod";

    public void Configure(ISiloBuilder siloBuilder)
    {
        var connectionString = siloBuilder.Configuration[ConnectionStringKey]!;
        var wakeReminderPeriod = siloBuilder.Configuration[WakeReminderPeriodKey] is { } period ? TimeSpan.Parse(period, CultureInfo.InvariantCulture) : TimeSpan.FromSeconds(2);
        siloBuilder.AddHeraldGrains(siloBuilder.Configuration, connectionString);
        // The SSRF guard stays on: receivers listen on 127.0.0.1, which is opened and nothing else.
        siloBuilder.Services.Configure<DeliveryOptions>(o =>
        {
            o.RequireHttps = false;
            o.AllowedNetworks = TestNetworks.Receivers;
            // An emptied queue's wake reminder is removed by its next tick: tick often enough for tests to see it.
            o.WakeReminderPeriod = wakeReminderPeriod;
        });
        siloBuilder.Services.Configure<SecretsOptions>(o => o.MasterKey = TestSecrets.MasterKey);
    }
}
