using System.Net;
using Herald.Grains.Endpoints;
using Herald.Grains.Memory;
using Herald.Grains.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Dashboard;
using Orleans.Serialization;
using Orleans.Storage;

namespace Herald.Grains.Hosting;

public static class HeraldSiloBuilderExtensions
{
    /// <summary>
    /// A full Herald silo: ADO.NET clustering, grain storage and reminders on PostgreSQL, its endpoints, the dashboard,
    /// and the grains' services.
    /// </summary>
    public static ISiloBuilder AddHerald(this ISiloBuilder silo, IConfiguration configuration)
    {
        var connectionString = configuration.GetHeraldConnectionString();
        var host = OrleansHostOptions.Read(configuration);
        silo.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = host.ClusterId;
            o.ServiceId = host.ServiceId;
        });
        silo.UseAdoNetClustering(o =>
        {
            o.Invariant = HeraldStorage.Invariant;
            o.ConnectionString = connectionString;
        });
        // Failure detection: Orleans' defaults unless Herald:Orleans:Membership says otherwise (tests shorten them).
        silo.Services.Configure<ClusterMembershipOptions>(configuration.GetSection(OrleansHostOptions.MembershipSection));
        if (IPAddress.TryParse(host.AdvertisedHost, out var address))
        {
            silo.ConfigureEndpoints(address, host.SiloPort, host.GatewayPort, host.ListenOnAnyHostAddress);
        }
        else
        {
            silo.ConfigureEndpoints(host.AdvertisedHost, host.SiloPort, host.GatewayPort, listenOnAnyHostAddress: host.ListenOnAnyHostAddress);
        }
        var dashboard = configuration.GetSection(DashboardOptions.Section).Get<DashboardOptions>() ?? new DashboardOptions();
        if (dashboard.Enabled)
        {
            var checks = new OptionChecks(DashboardOptions.Section).Within(nameof(DashboardOptions.CounterIntervalSeconds), dashboard.CounterIntervalSeconds, 1, 3600);
            if (checks.Result.Failed)
            {
                throw new OptionsValidationException(DashboardOptions.Section, typeof(DashboardOptions), checks.Result.Failures);
            }
            silo.AddDashboard(o => o.CounterUpdateIntervalMs = dashboard.CounterIntervalSeconds * 1000);
        }
        return silo.AddHeraldGrains(configuration, connectionString);
    }

    /// <summary>What every Herald silo needs whatever its clustering: storage, reminders, schema, delivery and the sweep.</summary>
    public static ISiloBuilder AddHeraldGrains(this ISiloBuilder silo, IConfiguration configuration, string connectionString)
    {
        // Grain state is written with Orleans' own binary serializer: version-tolerant through the [Id]s the wire
        // types already carry, and it round-trips every type a grain call does (the JSON default does not).
        silo.Services.AddAdoNetGrainStorage(HeraldStorage.Name, options => options.Configure<Serializer>((o, serializer) =>
        {
            o.Invariant = HeraldStorage.Invariant;
            o.ConnectionString = connectionString;
            o.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer);
            // A cleared state (a deleted webhook or account) leaves no row behind, not a row with no payload.
            o.DeleteStateOnClear = true;
        }));
        silo.UseAdoNetReminderService(o =>
        {
            o.Invariant = HeraldStorage.Invariant;
            o.ConnectionString = connectionString;
        });
        var minimumReminderPeriod = configuration.GetValue<TimeSpan?>("Herald:Orleans:MinimumReminderPeriod");
        if (minimumReminderPeriod is { } period)
        {
            silo.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = period);
        }
        // How long an idle grain stays activated (Orleans' default: 15 min); the collector then looks four times per age.
        var collectionAge = configuration.GetValue<TimeSpan?>("Herald:Orleans:CollectionAge");
        if (collectionAge is { } age)
        {
            silo.Configure<GrainCollectionOptions>(o =>
            {
                o.CollectionAge = age;
                o.CollectionQuantum = age / 4 < o.CollectionQuantum ? age / 4 : o.CollectionQuantum;
            });
        }
        silo.Services.AddHeraldStorage(connectionString);
        silo.Services.AddHeraldDelivery();
        silo.Services.AddSingleton<WindowBudget>();
        silo.Services.TryAddSingleton<GrainTurnover>();
        silo.Services.AddSingleton<EndpointServices>();
        silo.Services.AddHeraldShutdown();
        silo.Services.AddHeraldSecrets();
        silo.Services.AddHeraldNotifications();
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, MigrateOnStart>();
        silo.AddStartupTask(StartSweeper.RunAsync);
        return silo;
    }
}
