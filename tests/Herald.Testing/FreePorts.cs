using System.Net;
using System.Net.Sockets;

namespace Herald.Testing;

/// <summary>
/// Ports on 127.0.0.1 that nothing listens on right now, for receivers, silos and Herald processes. They are taken
/// below the kernel's ephemeral range: a port the kernel hands out for "port 0" is free only until some process opens
/// an outgoing connection, which takes its local port from that same range (seen: a Herald process started a second
/// later could not bind it, "address already in use"). Below the range only listeners compete, and a port is tried
/// with a bind before it is handed out, and never handed out twice by this process.
/// </summary>
public static class FreePorts
{
    private const int Lowest = 10_000;
    private static readonly HashSet<int> Given = [];
    private static readonly Lock Gate = new();

    public static int Next()
    {
        var below = EphemeralRangeStart();
        lock (Gate)
        {
            for (var attempt = 0; attempt < 200 && below - Lowest > 1_000; attempt++)
            {
                var port = Random.Shared.Next(Lowest, below);
                if (!Given.Contains(port) && CanBind(port))
                {
                    Given.Add(port);
                    return port;
                }
            }
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
    }

    private static bool CanBind(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>The first port of <c>net.ipv4.ip_local_port_range</c> (32768 when it cannot be read).</summary>
    private static int EphemeralRangeStart()
    {
        try
        {
            var first = File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range").Split((char[])['\t', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries)[0];
            return int.Parse(first, System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return 32_768;
        }
    }
}
