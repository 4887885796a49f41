using Herald.Grains.Delivery;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Herald.Grains.Hosting;

public static class ShutdownServiceCollectionExtensions
{
    /// <summary>
    /// Graceful shutdown of delivery: the silo lifecycle participant that drains in-flight attempts, and a host
    /// shutdown timeout long enough for it and for Orleans to deactivate grains afterwards.
    /// </summary>
    public static IServiceCollection AddHeraldShutdown(this IServiceCollection services)
    {
        services.AddValidatedOptions<ShutdownOptions, ShutdownOptionsValidator>(ShutdownOptions.Section);
        services.AddSingleton<DeliveryShutdown>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(provider => provider.GetRequiredService<DeliveryShutdown>());
        services.AddOptions<HostOptions>().Configure<IOptions<ShutdownOptions>>((host, shutdown) =>
        {
            var needed = shutdown.Value.DrainTimeout + ShutdownOptions.DeactivationAllowance;
            if (host.ShutdownTimeout < needed)
            {
                host.ShutdownTimeout = needed;
            }
        });
        return services;
    }
}
