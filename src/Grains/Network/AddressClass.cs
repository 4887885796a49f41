using System.Net;

namespace Herald.Grains.Network;

/// <summary>
/// The verdict on one address. <see cref="Effective"/> is the address whose range decided it: the embedded IPv4
/// address of an IPv4-mapped, NAT64 or 6to4 IPv6 address, otherwise the address itself.
/// </summary>
public sealed record AddressClass(IPAddress Address, IPAddress Effective, AddressKind Kind)
{
    public bool IsPublic => Kind == AddressKind.Public;

    /// <summary>Loopback, private, link-local, shared-NAT and unique-local ranges: what <c>AllowPrivateNetworks</c> opens.</summary>
    public bool IsPrivateNetwork => Kind is AddressKind.Loopback or AddressKind.Private or AddressKind.LinkLocal
        or AddressKind.SharedNat or AddressKind.UniqueLocal;

    /// <summary>"10.0.0.5 is a private address", "::ffff:127.0.0.1 is a loopback address (IPv4 127.0.0.1)".</summary>
    public string Describe()
    {
        var embedded = Effective.Equals(Address) ? "" : $" (IPv4 {Effective})";
        return $"{Address}{embedded} is {Article(Label)} {Label} address";
    }

    private string Label => Kind switch
    {
        AddressKind.Public => "public",
        AddressKind.Loopback => "loopback",
        AddressKind.Private => "private",
        AddressKind.LinkLocal => "link-local",
        AddressKind.SharedNat => "shared (carrier-grade NAT)",
        AddressKind.UniqueLocal => "unique-local",
        AddressKind.CloudMetadata => "cloud metadata",
        AddressKind.Multicast => "multicast",
        AddressKind.Unspecified => "unspecified",
        AddressKind.Broadcast => "broadcast",
        _ => "reserved",
    };

    private static string Article(string word) => "aeiou".Contains(word[0], StringComparison.Ordinal) ? "an" : "a";
}
