using System.Net;
using Herald.Grains.Delivery;
using Herald.Grains.Hosting;
using Herald.Grains.Network;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Herald.Tests.Network;

/// <summary><c>Herald:Delivery:AllowedNetworks</c> read from configuration in either form, as the silo's services read it.</summary>
public sealed class AllowedNetworksConfigurationTests
{
    public static TheoryData<string, Dictionary<string, string?>> Forms => new()
    {
        { "comma-separated", new() { ["Herald:Delivery:AllowedNetworks"] = "127.0.0.1/32, 10.1.0.0/16" } },
        { "a list (AllowedNetworks__0 in the environment)", new() { ["Herald:Delivery:AllowedNetworks:0"] = "127.0.0.1/32", ["Herald:Delivery:AllowedNetworks:1"] = "10.1.0.0/16" } },
    };

    [Theory]
    [MemberData(nameof(Forms))]
    public void Both_forms_open_the_listed_networks_and_nothing_else(string form, Dictionary<string, string?> settings)
    {
        var policy = new DestinationPolicy(Options(settings).Value);

        Assert.True(policy.Check(IPAddress.Loopback) is null, form);
        Assert.True(policy.Check(IPAddress.Parse("10.1.2.3")) is null, form);
        Assert.False(policy.Check(IPAddress.Parse("10.2.0.1")) is null, form);
    }

    [Fact]
    public void An_unreadable_entry_of_the_list_stops_the_start_naming_the_key()
    {
        var options = Options(new() { ["Herald:Delivery:AllowedNetworks:0"] = "127.0.0.1/32", ["Herald:Delivery:AllowedNetworks:1"] = "intranet" });

        var exception = Assert.Throws<OptionsValidationException>(() => options.Value);

        Assert.Contains("Herald:Delivery:AllowedNetworks", exception.Message);
    }

    private static IOptions<DeliveryOptions> Options(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration);
        services.AddHeraldStorage("Host=127.0.0.1;Port=1;Database=none");
        return services.BuildServiceProvider().GetRequiredService<IOptions<DeliveryOptions>>();
    }
}
