using Herald.Grains.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace Herald.Api.Hosting;

/// <summary>Gives Kestrel the limits of <see cref="ServerLimitsOptions"/>, checked when the host starts.</summary>
public static class ServerLimits
{
    public static IServiceCollection AddHeraldServerLimits(this IServiceCollection services)
    {
        services.AddValidatedOptions<ServerLimitsOptions, ServerLimitsOptionsValidator>(ServerLimitsOptions.Section);
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<ServerLimitsOptions>>((kestrel, configured) =>
        {
            var options = configured.Value;
            var limits = kestrel.Limits;
            limits.RequestHeadersTimeout = options.RequestHeadersTimeout;
            limits.KeepAliveTimeout = options.KeepAliveTimeout;
            limits.MinRequestBodyDataRate = options.MinRequestBodyBytesPerSecond > 0
                ? new MinDataRate(options.MinRequestBodyBytesPerSecond, options.MinDataRateGracePeriod)
                : null;
            limits.MinResponseDataRate = options.MinResponseBytesPerSecond > 0
                ? new MinDataRate(options.MinResponseBytesPerSecond, options.MinDataRateGracePeriod)
                : null;
            limits.MaxConcurrentConnections = options.MaxConcurrentConnections;
            limits.MaxConcurrentUpgradedConnections = options.MaxConcurrentConnections;
            if (options.MaxConnectionsPerClient > 0)
            {
                var perClient = new ConnectionsPerClient(options.MaxConnectionsPerClient);
                kestrel.ConfigureEndpointDefaults(listen => listen.Use(perClient.Wrap));
            }
        });
        return services;
    }
}
