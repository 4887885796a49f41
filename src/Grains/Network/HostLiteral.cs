using System.Net;

namespace Herald.Grains.Network;

/// <summary>Reads a URL host that is an IP address in disguise: brackets, a trailing dot, shortened or numeric IPv4 forms.</summary>
public static class HostLiteral
{
    /// <summary>
    /// True when <paramref name="host"/> (a <see cref="Uri.IdnHost"/>) names an address without DNS:
    /// <c>[::1]</c>, <c>127.0.0.1.</c>, <c>2130706433</c>, <c>127.1</c>.
    /// </summary>
    public static bool TryParse(string host, out IPAddress address)
    {
        var trimmed = host.TrimStart('[').TrimEnd(']').TrimEnd('.');
        var scope = trimmed.IndexOf('%', StringComparison.Ordinal);
        if (scope >= 0)
        {
            trimmed = trimmed[..scope];
        }
        return IPAddress.TryParse(trimmed, out address!);
    }
}
