using System.Net;
using Microsoft.AspNetCore.Connections;

namespace Herald.Api.Hosting;

/// <summary>
/// Kestrel connection middleware that closes a new connection at once when its client address already holds
/// <c>limit</c> open ones, so that one client cannot take every connection the server accepts.
/// </summary>
public sealed class ConnectionsPerClient(int limit)
{
    private readonly Dictionary<IPAddress, int> _open = [];

    public ConnectionDelegate Wrap(ConnectionDelegate next) => async connection =>
    {
        if (connection.RemoteEndPoint is not IPEndPoint { Address: var address })
        {
            await next(connection);
            return;
        }
        if (!TryEnter(address))
        {
            // Returning without reading closes the connection before any request is read from it.
            return;
        }
        try
        {
            await next(connection);
        }
        finally
        {
            Leave(address);
        }
    };

    private bool TryEnter(IPAddress address)
    {
        lock (_open)
        {
            var open = _open.GetValueOrDefault(address);
            if (open >= limit)
            {
                return false;
            }
            _open[address] = open + 1;
            return true;
        }
    }

    private void Leave(IPAddress address)
    {
        lock (_open)
        {
            if (--_open[address] == 0)
            {
                _open.Remove(address);
            }
        }
    }
}
