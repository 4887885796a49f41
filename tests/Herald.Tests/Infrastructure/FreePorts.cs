using System.Net;
using System.Net.Sockets;

namespace Herald.Tests.Infrastructure;

/// <summary>Ports on 127.0.0.1 that nothing listens on right now, for silos started by a test.</summary>
public static class FreePorts
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
