using System.Net;
using Herald.Grains.Network;

namespace Herald.Api.Webhooks;

/// <summary>
/// Refuses, at registration, URLs whose host already says where they lead: an IP literal in any form
/// (<see cref="Uri"/> normalises <c>2130706433</c>, <c>0x7f.1</c>, <c>127.1</c> and <c>0177.0.0.1</c> to 127.0.0.1;
/// <see cref="HostLiteral"/> reads <c>127.0.0.1.</c>) or a <c>localhost</c> name. Other host names are
/// not resolved here: DNS can change, so the binding check is the one the delivery client makes on the address it
/// connects to.
/// </summary>
public static class LiteralDestination
{
    public static string? Refusal(Uri uri, DestinationPolicy policy)
    {
        string host;
        try
        {
            host = uri.IdnHost;
        }
        catch (UriFormatException)
        {
            return "The URL's host is not a valid name.";
        }
        IPAddress? address = HostLiteral.TryParse(host, out var literal) ? literal
            : IsLocalhostName(host) ? IPAddress.Loopback
            : null;
        return address is not null && policy.Check(address) is { } reason
            ? $"Herald does not deliver to {host}: {reason}."
            : null;
    }

    // RFC 6761: localhost and every name under .localhost resolve to loopback.
    private static bool IsLocalhostName(string host)
    {
        var name = host.TrimEnd('.');
        return name.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase);
    }
}
