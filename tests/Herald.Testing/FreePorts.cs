using System.Net;
using System.Net.Sockets;

namespace Herald.Testing;

/// <summary>Ports on 127.0.0.1 that nothing listens on right now, for receivers, silos and Herald processes.</summary>
public static class FreePorts
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
