using Herald.Grains.Memory;
using Herald.Testing;
using Herald.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Core.Internal;
using Orleans.TestingHost;

namespace Herald.Tests.Memory;

/// <summary>
/// <see cref="GrainTurnover"/> in a real silo: an endpoint grain's deactivation is counted, which is what the idle trim's
/// second rule reads (<see cref="IdleTrimPolicy"/>).
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class GrainTurnoverTests(ClusterFixture fixture)
{
    [Fact]
    public async Task An_endpoint_grains_deactivation_is_counted_by_the_silo_that_hosted_it()
    {
        var scenario = await ClusterScenario.StartAsync(fixture);
        var endpoint = scenario.Endpoint(await scenario.WebhookAsync("http://127.0.0.1:9/turnover", ["server.created"]));
        Assert.NotNull(await endpoint.GetAsync()); // active now
        var turnover = ((InProcessSiloHandle)fixture.Cluster.Primary!).SiloHost.Services.GetRequiredService<GrainTurnover>();
        var before = turnover.Deactivated;

        await endpoint.Cast<IGrainManagementExtension>().DeactivateOnIdle();

        Assert.True(await Eventually.HoldsAsync(() => turnover.Deactivated > before, TimeSpan.FromSeconds(10)),
            "the silo's turnover did not count the endpoint grain's deactivation");
        Assert.NotNull(await endpoint.GetAsync()); // and it comes back with its state when called again
    }
}
