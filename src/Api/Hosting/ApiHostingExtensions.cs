using Herald.Api.Access;
using Herald.Api.Accounts;
using Herald.Api.Auth;
using Herald.Api.Catalog;
using Herald.Api.Events;
using Herald.Api.Idempotency;
using Herald.Api.Json;
using Herald.Api.Portal;
using Herald.Api.Webhooks;
using Herald.Grains.Hosting;
using Herald.Grains.Storage;
using Herald.Grains.Telemetry;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Configuration;

namespace Herald.Api.Hosting;

public static class ApiHostingExtensions
{
    /// <summary>Joins the cluster as a silo (co-hosted, the default) or as a client, and registers the API's services.</summary>
    public static WebApplicationBuilder AddHeraldApi(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var role = configuration.GetValue("Herald:Orleans:Role", OrleansRole.Cohosted);
        if (role == OrleansRole.Cohosted)
        {
            builder.UseOrleans(silo => silo.AddHerald(configuration));
        }
        else
        {
            var connectionString = configuration.GetHeraldConnectionString();
            var host = OrleansHostOptions.Read(configuration);
            builder.UseOrleansClient(client => client
                .Configure<ClusterOptions>(o =>
                {
                    o.ClusterId = host.ClusterId;
                    o.ServiceId = host.ServiceId;
                })
                .Configure<GatewayOptions>(configuration.GetSection(OrleansHostOptions.GatewaySection))
                .UseAdoNetClustering(o =>
                {
                    o.Invariant = HeraldStorage.Invariant;
                    o.ConnectionString = connectionString;
                }));
            builder.Services.AddHeraldStorage(connectionString);
        }
        builder.Services.AddHeraldSecretProtector();

        builder.Services.AddValidatedOptions<ApiOptions, ApiOptionsValidator>(ApiOptions.Section);
        builder.Services.ConfigureHttpJsonOptions(o => HeraldJson.Configure(o.SerializerOptions));
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = Problems.AddCode);
        builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
        builder.Services.AddOpenApi(Herald.Api.OpenApi.HeraldOpenApi.Configure);
        builder.Services.AddHeraldHealthChecks();
        builder.Services.AddHeraldMetrics();
        builder.Services.AddScoped<ApiKeyFilter>();
        builder.Services.AddSingleton<ApiKeyCache>();
        builder.Services.AddSingleton<IdempotencyFilter>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddKeyedSingleton(AccessClock.Key, (services, _) => services.GetRequiredService<TimeProvider>());
        builder.Services.AddValidatedOptions<CatalogOptions, CatalogOptionsValidator>(CatalogOptions.Section);
        builder.Services.AddValidatedOptions<PortalOptions, PortalOptionsValidator>(PortalOptions.Section);
        builder.Services.AddSingleton<EventCatalog>();
        builder.Services.AddHeraldRateLimiting();
        builder.Services.AddHeraldServerLimits();
        builder.Services.AddHeraldDashboardAccess(configuration);
        if (string.IsNullOrEmpty(configuration[WebHostDefaults.ServerUrlsKey]))
        {
            builder.WebHost.UseUrls("http://127.0.0.1:5080");
        }
        return builder;
    }

    public static WebApplication MapHeraldApi(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapOpenApi();
        app.MapHeraldHealth();
        app.MapHeraldMetrics();
        if (app.Configuration.GetValue("Herald:Orleans:Role", OrleansRole.Cohosted) == OrleansRole.Cohosted)
        {
            app.MapHeraldDashboard();
        }
        var v1 = app.MapGroup("/v1").AddEndpointFilter<ApiKeyFilter>();
        v1.MapMe();
        v1.MapAccounts().MapAccountKeys().MapPortalSessions();
        v1.MapWebhooks();
        v1.MapEvents();
        v1.MapEventTypes();
        app.MapHeraldPortal();
        return app;
    }
}
