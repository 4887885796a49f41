using Herald.Abstractions.Accounts;
using Herald.Abstractions.Ids;
using Herald.Abstractions.Webhooks;
using Herald.Grains.Hosting;
using Herald.Tests.Infrastructure;

namespace Herald.Tests.Grains;

[Collection(ClusterCollection.Name)]
public sealed class GrainLookupTests(ClusterFixture fixture)
{
    [Fact]
    public async Task A_looked_up_reference_is_the_grain_GetGrain_names_and_reaches_it()
    {
        var factory = fixture.Cluster.GrainFactory;
        var id = HeraldId.New("acct");

        var looked = factory.Grain<IAccountGrain>(id);
        var endpoint = factory.Grain<IEndpointGrain>(HeraldId.New("wh"));

        Assert.Equal(factory.GetGrain<IAccountGrain>(id).GetGrainId(), looked.GetGrainId());
        Assert.NotEqual(looked.GetGrainId().Type, endpoint.GetGrainId().Type);
        await looked.CreateAsync("lookup", AccountSettings.Default);
        Assert.NotNull(await factory.GetGrain<IAccountGrain>(id).GetAsync());
    }
}
