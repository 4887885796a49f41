using Microsoft.Extensions.DependencyInjection;
using Herald.Grains.Recovery;

namespace Herald.Grains.Hosting;

/// <summary>Makes sure the recovery sweep's reminder exists once a silo is up.</summary>
public static class StartSweeper
{
    public static Task RunAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<IGrainFactory>().Grain<IDeliverySweeperGrain>(IDeliverySweeperGrain.Key).StartAsync();
}
