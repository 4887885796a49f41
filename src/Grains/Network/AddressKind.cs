namespace Herald.Grains.Network;

/// <summary>What kind of destination an IP address is, as far as SSRF protection is concerned.</summary>
public enum AddressKind
{
    /// <summary>A globally routable unicast address: deliveries may go there.</summary>
    Public,
    Loopback,
    Private,
    LinkLocal,

    /// <summary>100.64.0.0/10, the carrier-grade NAT range (RFC 6598).</summary>
    SharedNat,

    /// <summary>fc00::/7 (RFC 4193) and the deprecated site-local fec0::/10.</summary>
    UniqueLocal,

    /// <summary>Instance metadata services of cloud providers: never opened by <c>AllowPrivateNetworks</c>.</summary>
    CloudMetadata,
    Multicast,
    Unspecified,
    Broadcast,

    /// <summary>Documentation, benchmarking, protocol-assignment and future-use ranges, and IPv6 outside 2000::/3.</summary>
    Reserved,
}
