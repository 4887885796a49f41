using System.Net;
using System.Net.Sockets;

namespace Herald.Grains.Network;

/// <summary>
/// The delivery client's <see cref="SocketsHttpHandler.ConnectCallback"/>: resolves the host itself, checks every
/// address against the <see cref="DestinationPolicy"/> and connects only to an address it has checked. Because the
/// check and the connect use the same resolved address, a DNS answer that changes in between cannot get through.
/// </summary>
public sealed class GuardedConnector(DestinationPolicy policy)
{
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var endpoint = context.DnsEndPoint;
        var allowed = await AllowedAddressesAsync(endpoint.Host, cancellationToken);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, endpoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>The addresses of <paramref name="host"/> that the policy allows, in resolver order.</summary>
    /// <exception cref="DestinationBlockedException">The policy allows none of them.</exception>
    public async Task<IPAddress[]> AllowedAddressesAsync(string host, CancellationToken cancellationToken)
    {
        var addresses = HostLiteral.TryParse(host, out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(host, cancellationToken);
        var allowed = new List<IPAddress>(addresses.Length);
        string? refused = null;
        foreach (var address in addresses)
        {
            if (policy.Check(address) is { } reason)
            {
                refused ??= reason;
            }
            else
            {
                allowed.Add(address);
            }
        }
        return allowed.Count > 0
            ? allowed.ToArray()
            : throw new DestinationBlockedException(refused ?? $"{host} resolved to no address");
    }
}
