using System.Net;
using Herald.Api.Webhooks;
using Herald.Grains.Delivery;
using Herald.Grains.Network;

namespace Herald.Tests.Network;

/// <summary>
/// The SSRF table: each URL goes through the same steps as a delivery (Uri parsing, then the connector's resolution
/// and policy check), with the production default policy. Nothing here opens a socket: a refused host throws before
/// the connect, and only "localhost" is resolved, from the hosts file.
/// </summary>
public sealed class SsrfTableTests
{
    private static readonly GuardedConnector Production = new(new DestinationPolicy(new DeliveryOptions()));

    public static TheoryData<string, AddressKind> Blocked() => new()
    {
        { "http://127.0.0.1/", AddressKind.Loopback },
        { "http://127.255.255.254/", AddressKind.Loopback },
        { "http://2130706433/", AddressKind.Loopback },               // decimal
        { "http://0x7f.1/", AddressKind.Loopback },                   // hex, shortened
        { "http://0x7f000001/", AddressKind.Loopback },               // hex, whole
        { "http://127.1/", AddressKind.Loopback },                    // shortened
        { "http://0177.0.0.1/", AddressKind.Loopback },               // octal
        { "http://017700000001/", AddressKind.Loopback },             // octal, whole
        { "http://127.000.000.001/", AddressKind.Loopback },          // zero-padded
        { "http://127.0.0.1./", AddressKind.Loopback },               // trailing dot
        { "http://[::1]/", AddressKind.Loopback },
        { "http://[::ffff:127.0.0.1]/", AddressKind.Loopback },       // IPv4-mapped
        { "http://[::ffff:7f00:1]/", AddressKind.Loopback },          // IPv4-mapped, hex
        { "http://[64:ff9b::7f00:1]/", AddressKind.Loopback },        // NAT64-embedded
        { "http://[2002:7f00:1::]/", AddressKind.Loopback },          // 6to4-embedded
        { "http://10.0.0.5/", AddressKind.Private },
        { "http://172.16.0.1/", AddressKind.Private },
        { "http://172.31.255.255/", AddressKind.Private },
        { "http://192.168.1.45/", AddressKind.Private },
        { "http://[::ffff:10.0.0.5]/", AddressKind.Private },
        { "http://[64:ff9b::a00:5]/", AddressKind.Private },
        { "http://169.254.1.1/", AddressKind.LinkLocal },
        { "http://[fe80::1]/", AddressKind.LinkLocal },
        { "http://100.64.0.1/", AddressKind.SharedNat },
        { "http://100.127.255.254/", AddressKind.SharedNat },
        { "http://[fc00::1]/", AddressKind.UniqueLocal },
        { "http://[fd12:3456:789a::1]/", AddressKind.UniqueLocal },
        { "http://169.254.169.254/latest/meta-data/", AddressKind.CloudMetadata },
        { "http://[::ffff:169.254.169.254]/", AddressKind.CloudMetadata },
        { "http://2852039166/", AddressKind.CloudMetadata },          // 169.254.169.254 in decimal
        { "http://[fd00:ec2::254]/", AddressKind.CloudMetadata },
        { "http://100.100.100.200/", AddressKind.CloudMetadata },
        { "http://168.63.129.16/", AddressKind.CloudMetadata },
        { "http://224.0.0.1/", AddressKind.Multicast },
        { "http://[ff02::1]/", AddressKind.Multicast },
        { "http://0.0.0.0/", AddressKind.Unspecified },
        { "http://0/", AddressKind.Unspecified },
        { "http://[::]/", AddressKind.Unspecified },
        { "http://255.255.255.255/", AddressKind.Broadcast },
        { "http://240.0.0.1/", AddressKind.Reserved },
        { "http://192.0.2.10/", AddressKind.Reserved },
        { "http://198.18.0.1/", AddressKind.Reserved },
        { "http://[2001:db8::1]/", AddressKind.Reserved },
        { "http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/", AddressKind.Reserved }, // Teredo
        { "http://[::127.0.0.1]/", AddressKind.Reserved },            // deprecated IPv4-compatible
        { "http://[64:ff9b:1::a00:5]/", AddressKind.Reserved },       // local-use NAT64
    };

    [Theory]
    [MemberData(nameof(Blocked))]
    public async Task Blocked_addresses_are_refused_before_any_connection(string url, AddressKind kind)
    {
        var uri = new Uri(url);

        var refused = await Assert.ThrowsAsync<DestinationBlockedException>(() => Production.AllowedAddressesAsync(uri.IdnHost, CancellationToken.None));

        Assert.True(HostLiteral.TryParse(uri.IdnHost, out var address), $"{url} should be an address literal once parsed");
        Assert.Equal(kind, AddressClassifier.Classify(address).Kind);
        Assert.Equal($"blocked: {AddressClassifier.Classify(address).Describe()}", refused.Message);
        Assert.NotNull(LiteralDestination.Refusal(uri, new DestinationPolicy(new DeliveryOptions())));
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("LocalHost")]
    public async Task A_host_name_that_resolves_to_loopback_is_refused(string host)
    {
        var refused = await Assert.ThrowsAsync<DestinationBlockedException>(() => Production.AllowedAddressesAsync(host, CancellationToken.None));

        Assert.Contains("loopback", refused.Reason);
        Assert.NotNull(LiteralDestination.Refusal(new Uri($"https://{host}/hook"), new DestinationPolicy(new DeliveryOptions())));
    }

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("45.77.0.1")]
    [InlineData("172.32.0.1")]       // just past 172.16.0.0/12
    [InlineData("100.128.0.1")]      // just past 100.64.0.0/10
    [InlineData("::ffff:8.8.8.8")]
    [InlineData("64:ff9b::808:808")] // NAT64 of a public address
    [InlineData("2002:808:808::1")]  // 6to4 of a public address
    [InlineData("2606:4700:4700::1111")]
    public void Public_addresses_are_allowed(string address)
    {
        var policy = new DestinationPolicy(new DeliveryOptions());

        Assert.Null(policy.Check(IPAddress.Parse(address)));
    }

    [Fact]
    public void AllowPrivateNetworks_opens_private_ranges_but_never_cloud_metadata()
    {
        var policy = new DestinationPolicy(new DeliveryOptions { AllowPrivateNetworks = true });

        Assert.Null(policy.Check(IPAddress.Parse("10.0.0.5")));
        Assert.Null(policy.Check(IPAddress.Loopback));
        Assert.Null(policy.Check(IPAddress.Parse("fd12::1")));
        Assert.Equal("169.254.169.254 is a cloud metadata address", policy.Check(IPAddress.Parse("169.254.169.254")));
        Assert.NotNull(policy.Check(IPAddress.Parse("224.0.0.1")));
    }

    [Fact]
    public void The_allowlist_opens_exactly_its_ranges_including_their_ipv4_mapped_forms()
    {
        var policy = new DestinationPolicy(new DeliveryOptions { AllowedNetworks = "127.0.0.1/32, 10.1.0.0/16" });

        Assert.Null(policy.Check(IPAddress.Parse("127.0.0.1")));
        Assert.Null(policy.Check(IPAddress.Parse("::ffff:127.0.0.1")));
        Assert.Null(policy.Check(IPAddress.Parse("10.1.2.3")));
        Assert.Equal("127.0.0.2 is a loopback address", policy.Check(IPAddress.Parse("127.0.0.2")));
        Assert.Equal("10.2.0.1 is a private address", policy.Check(IPAddress.Parse("10.2.0.1")));
        Assert.NotNull(policy.Check(IPAddress.IPv6Loopback));
    }

    [Theory]
    [InlineData("127.0.0.1/33")]
    [InlineData("10.0.0.1/8")]
    [InlineData("intranet")]
    public void An_unreadable_allowlist_stops_the_start(string networks)
    {
        var result = new DeliveryOptionsValidator().Validate(null, new DeliveryOptions { AllowedNetworks = networks });

        Assert.True(result.Failed);
    }
}
