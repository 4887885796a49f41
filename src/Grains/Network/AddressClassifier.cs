using System.Net;
using System.Net.Sockets;

namespace Herald.Grains.Network;

/// <summary>
/// Classifies an IP address for SSRF protection. Pure logic, no I/O. IPv6 forms that embed an IPv4 address
/// (IPv4-mapped <c>::ffff:0:0/96</c>, NAT64 <c>64:ff9b::/96</c>, 6to4 <c>2002::/16</c>) are classified by that IPv4
/// address, so <c>::ffff:127.0.0.1</c> is loopback and <c>64:ff9b::a00:5</c> is private. The deprecated
/// IPv4-compatible form (<c>::127.0.0.1</c>) lies outside 2000::/3 and is reserved, whatever it embeds.
/// </summary>
public static class AddressClassifier
{
    // Most specific first: the first range that contains the address decides.
    private static readonly (IPNetwork Network, AddressKind Kind)[] V4 =
    [
        (Net("169.254.169.254/32"), AddressKind.CloudMetadata), // AWS, GCP, Azure, OpenStack, DigitalOcean…
        (Net("169.254.170.2/32"), AddressKind.CloudMetadata),   // AWS ECS task metadata
        (Net("100.100.100.200/32"), AddressKind.CloudMetadata), // Alibaba Cloud
        (Net("192.0.0.192/32"), AddressKind.CloudMetadata),     // Oracle Cloud
        (Net("168.63.129.16/32"), AddressKind.CloudMetadata),   // Azure wire server (a public address, internal to Azure)
        (Net("255.255.255.255/32"), AddressKind.Broadcast),
        (Net("0.0.0.0/8"), AddressKind.Unspecified),
        (Net("10.0.0.0/8"), AddressKind.Private),
        (Net("100.64.0.0/10"), AddressKind.SharedNat),
        (Net("127.0.0.0/8"), AddressKind.Loopback),
        (Net("169.254.0.0/16"), AddressKind.LinkLocal),
        (Net("172.16.0.0/12"), AddressKind.Private),
        (Net("192.0.0.0/24"), AddressKind.Reserved),            // IETF protocol assignments
        (Net("192.0.2.0/24"), AddressKind.Reserved),            // documentation
        (Net("192.88.99.0/24"), AddressKind.Reserved),          // former 6to4 relay anycast
        (Net("192.168.0.0/16"), AddressKind.Private),
        (Net("198.18.0.0/15"), AddressKind.Reserved),           // benchmarking
        (Net("198.51.100.0/24"), AddressKind.Reserved),         // documentation
        (Net("203.0.113.0/24"), AddressKind.Reserved),          // documentation
        (Net("224.0.0.0/4"), AddressKind.Multicast),
        (Net("240.0.0.0/4"), AddressKind.Reserved),             // future use
    ];

    private static readonly (IPNetwork Network, AddressKind Kind)[] V6 =
    [
        (Net("fd00:ec2::254/128"), AddressKind.CloudMetadata),  // AWS instance metadata over IPv6
        (Net("::/128"), AddressKind.Unspecified),
        (Net("::1/128"), AddressKind.Loopback),
        (Net("64:ff9b:1::/48"), AddressKind.Reserved),          // local-use NAT64 (RFC 8215)
        (Net("100::/64"), AddressKind.Reserved),                // discard-only
        (Net("2001::/23"), AddressKind.Reserved),               // IETF protocol assignments, Teredo included
        (Net("2001:db8::/32"), AddressKind.Reserved),           // documentation
        (Net("3fff::/20"), AddressKind.Reserved),               // documentation (RFC 9637)
        (Net("fc00::/7"), AddressKind.UniqueLocal),
        (Net("fe80::/10"), AddressKind.LinkLocal),
        (Net("fec0::/10"), AddressKind.UniqueLocal),            // deprecated site-local
        (Net("ff00::/8"), AddressKind.Multicast),
    ];

    private static readonly IPNetwork Nat64 = Net("64:ff9b::/96");
    private static readonly IPNetwork SixToFour = Net("2002::/16");
    private static readonly IPNetwork GlobalUnicast = Net("2000::/3");

    public static AddressClass Classify(IPAddress address)
    {
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            var kind = address.AddressFamily == AddressFamily.InterNetwork ? ClassifyV4(address) : AddressKind.Reserved;
            return new AddressClass(address, address, kind);
        }
        if (EmbeddedIPv4(address) is { } embedded)
        {
            return new AddressClass(address, embedded, ClassifyV4(embedded));
        }
        return new AddressClass(address, address, ClassifyV6(address));
    }

    /// <summary>The IPv4 address inside an IPv4-mapped, NAT64 or 6to4 IPv6 address, or null.</summary>
    public static IPAddress? EmbeddedIPv4(IPAddress address)
    {
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return null;
        }
        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4();
        }
        var bytes = address.GetAddressBytes();
        if (Nat64.Contains(address))
        {
            return new IPAddress(bytes.AsSpan(12, 4));
        }
        return SixToFour.Contains(address) ? new IPAddress(bytes.AsSpan(2, 4)) : null;
    }

    private static AddressKind ClassifyV4(IPAddress address)
    {
        foreach (var (network, kind) in V4)
        {
            if (network.Contains(address))
            {
                return kind;
            }
        }
        return AddressKind.Public;
    }

    private static AddressKind ClassifyV6(IPAddress address)
    {
        foreach (var (network, kind) in V6)
        {
            if (network.Contains(address))
            {
                return kind;
            }
        }
        // Only 2000::/3 is global unicast; everything else is unassigned or special.
        return GlobalUnicast.Contains(address) ? AddressKind.Public : AddressKind.Reserved;
    }

    private static IPNetwork Net(string cidr) => IPNetwork.Parse(cidr);
}
