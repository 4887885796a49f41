using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Herald.Tests.Api.Faults;

/// <summary>A TCP connection to 127.0.0.1 that sends bytes as the test dictates, for clients no HttpClient would be.</summary>
public sealed class RawConnection : IAsyncDisposable
{
    private readonly TcpClient _client;
    private readonly NetworkStream _stream;

    private RawConnection(TcpClient client)
    {
        _client = client;
        _stream = client.GetStream();
    }

    public static async Task<RawConnection> OpenAsync(int port)
    {
        var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, port);
        return new RawConnection(client);
    }

    public Task SendAsync(string text) => _stream.WriteAsync(Encoding.ASCII.GetBytes(text)).AsTask();

    /// <summary>
    /// Reads until the server closes the connection or <paramref name="limit"/> passes; answers what arrived and whether
    /// the server closed (or reset) the connection within the limit.
    /// </summary>
    public async Task<(string Text, bool Closed)> ReadUntilClosedAsync(TimeSpan limit)
    {
        using var timeout = new CancellationTokenSource(limit);
        var received = new MemoryStream();
        var buffer = new byte[4096];
        try
        {
            int read;
            while ((read = await _stream.ReadAsync(buffer, timeout.Token)) > 0)
            {
                received.Write(buffer, 0, read);
            }
            return (Encoding.UTF8.GetString(received.ToArray()), true);
        }
        catch (OperationCanceledException)
        {
            return (Encoding.UTF8.GetString(received.ToArray()), false);
        }
        catch (IOException)
        {
            return (Encoding.UTF8.GetString(received.ToArray()), true);
        }
    }

    /// <summary>Reads one whole answer, sized by <c>Content-Length</c> or chunked (the connection stays open).</summary>
    public async Task<string> ReadAnswerAsync(TimeSpan limit)
    {
        using var timeout = new CancellationTokenSource(limit);
        var received = new StringBuilder();
        var buffer = new byte[4096];
        while (!IsComplete(received.ToString()))
        {
            var read = await _stream.ReadAsync(buffer, timeout.Token);
            if (read == 0)
            {
                break;
            }
            received.Append(Encoding.UTF8.GetString(buffer, 0, read));
        }
        return received.ToString();
    }

    private static bool IsComplete(string text)
    {
        var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        if (end < 0)
        {
            return false;
        }
        var header = text[..end].Split("\r\n").FirstOrDefault(h => h.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase));
        return header is null
            ? text.EndsWith("\r\n0\r\n\r\n", StringComparison.Ordinal)
            : text.Length - end - 4 >= int.Parse(header["Content-Length:".Length..].Trim());
    }

    public ValueTask DisposeAsync()
    {
        _client.Dispose();
        return ValueTask.CompletedTask;
    }
}
