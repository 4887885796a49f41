using System.Net;
using Herald.Grains.Delivery;

namespace Herald.Grains.Network;

/// <summary>
/// Decides whether Herald may connect to an address: public addresses yes; the networks in
/// <see cref="DeliveryOptions.AllowedNetworks"/> yes; loopback, private, link-local, shared-NAT and unique-local
/// ranges only when <see cref="DeliveryOptions.AllowPrivateNetworks"/> is set; everything else (cloud metadata,
/// multicast, broadcast, unspecified, reserved) never, unless it is in the allowlist.
/// </summary>
public sealed class DestinationPolicy
{
    private readonly bool _allowPrivateNetworks;
    private readonly IReadOnlyList<IPNetwork> _allowedNetworks;

    public DestinationPolicy(DeliveryOptions options)
    {
        _allowPrivateNetworks = options.AllowPrivateNetworks;
        _allowedNetworks = ParseNetworks(options.AllowedNetworks);
    }

    /// <summary>Null when a connection to <paramref name="address"/> is allowed; otherwise why not.</summary>
    public string? Check(IPAddress address)
    {
        var verdict = AddressClassifier.Classify(address);
        if (verdict.IsPublic || (_allowPrivateNetworks && verdict.IsPrivateNetwork) || IsAllowlisted(address))
        {
            return null;
        }
        return verdict.Describe();
    }

    /// <summary>
    /// Parses a comma-, semicolon- or space-separated list of CIDR ranges (<c>127.0.0.1/32, 10.1.0.0/16</c>);
    /// a bare address is a single-address range.
    /// </summary>
    /// <exception cref="FormatException">An entry is not a CIDR range.</exception>
    public static IReadOnlyList<IPNetwork> ParseNetworks(string? list)
    {
        var networks = new List<IPNetwork>();
        foreach (var entry in (list ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (IPNetwork.TryParse(entry, out var network) && network.BaseAddress.Equals(IPAddress.Parse(entry[..entry.IndexOf('/', StringComparison.Ordinal)])))
            {
                networks.Add(network);
            }
            else if (IPAddress.TryParse(entry, out var single))
            {
                networks.Add(new IPNetwork(single, single.GetAddressBytes().Length * 8));
            }
            else
            {
                throw new FormatException($"\"{entry}\" is not a CIDR range such as 127.0.0.1/32 (the prefix may not leave host bits set).");
            }
        }
        return networks;
    }

    private bool IsAllowlisted(IPAddress address)
    {
        // An IPv4-mapped address is its IPv4 address as far as the allowlist goes.
        var candidates = address.IsIPv4MappedToIPv6 ? new[] { address, address.MapToIPv4() } : [address];
        return _allowedNetworks.Any(n => candidates.Any(n.Contains));
    }
}
