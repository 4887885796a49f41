using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenTelemetry.Metrics;

using Herald.Grains.Hosting;
using Herald.Grains.Memory;

namespace Herald.Grains.Telemetry;

/// <summary>OpenTelemetry metrics for silo hosts and the API, exported on <c>/metrics</c> in Prometheus' text format.</summary>
public static class HeraldTelemetry
{
    public const string MetricsPath = "/metrics";

    /// <summary>Herald's meter, Orleans' meter, and the runtime's own (ASP.NET Core, Kestrel, HttpClient, the .NET runtime).</summary>
    public static readonly string[] Meters =
    [
        HeraldMetrics.MeterName,
        "Microsoft.Orleans",
        "Microsoft.AspNetCore.Hosting",
        "Microsoft.AspNetCore.Server.Kestrel",
        "System.Net.Http",
        "System.Runtime",
    ];

    /// <summary>
    /// Registers the meters, the Prometheus exporter, the backlog gauges (which need <c>AddHeraldStorage</c>) and the
    /// trim that gives a load peak's memory back once the process is quiet.
    /// </summary>
    public static IServiceCollection AddHeraldMetrics(this IServiceCollection services)
    {
        services.AddValidatedOptions<MetricsOptions, MetricsOptionsValidator>(MetricsOptions.Section);
        services.AddSingleton<DeliveryBacklogGauge>();
        services.AddHostedService(provider => provider.GetRequiredService<DeliveryBacklogGauge>());
        services.AddValidatedOptions<IdleTrimOptions, IdleTrimOptionsValidator>(IdleTrimOptions.Section);
        services.TryAddSingleton<GrainTurnover>();
        services.AddHostedService<IdleMemoryTrimmer>();
        services.AddOpenTelemetry().WithMetrics(metrics => metrics.AddMeter(Meters).AddDestinationFreeHttpMetrics().AddPrometheusExporter());
        return services;
    }

    public static IEndpointRouteBuilder MapHeraldMetrics(this IEndpointRouteBuilder app)
    {
        app.MapPrometheusScrapingEndpoint(MetricsPath);
        return app;
    }
}
