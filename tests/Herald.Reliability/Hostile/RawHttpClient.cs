using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

namespace Herald.Reliability.Hostile;

/// <summary>
/// Sends a <see cref="RawRequest"/> over a new TCP connection to 127.0.0.1 and reads whatever comes back until the
/// server closes the connection (every request asks for <c>Connection: close</c>) or the time is up.
/// </summary>
public sealed class RawHttpClient(int port)
{
    private const int MaxAnswerBytes = 1024 * 1024;

    public string Host => $"127.0.0.1:{port}";

    /// <param name="stallAfter">Send only this many bytes, then nothing more (a slow client): the answer is what the server does about it.</param>
    /// <param name="halfClose">Close the sending side after the request, as a client that ends a body early would.</param>
    public async Task<RawResponse> SendAsync(byte[] request, TimeSpan timeout, int? stallAfter = null, bool halfClose = false)
    {
        var clock = Stopwatch.StartNew();
        using var cancel = new CancellationTokenSource(timeout);
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        var received = new MemoryStream();
        try
        {
            await socket.ConnectAsync(System.Net.IPAddress.Loopback, port, cancel.Token);
            await socket.SendAsync(request.AsMemory(0, Math.Min(stallAfter ?? request.Length, request.Length)), SocketFlags.None, cancel.Token);
            if (halfClose)
            {
                socket.Shutdown(SocketShutdown.Send);
            }
            var buffer = new byte[16 * 1024];
            int read;
            while (received.Length < MaxAnswerBytes && (read = await socket.ReceiveAsync(buffer, SocketFlags.None, cancel.Token)) > 0)
            {
                received.Write(buffer, 0, read);
            }
            return Parse(received.ToArray(), clock.Elapsed, null);
        }
        catch (Exception exception) when (exception is SocketException or OperationCanceledException)
        {
            // A reset after a complete answer still leaves that answer to read.
            var error = exception is OperationCanceledException ? $"no end of answer within {timeout.TotalSeconds:0} s" : exception.Message;
            return Parse(received.ToArray(), clock.Elapsed, error);
        }
    }

    private static RawResponse Parse(byte[] bytes, TimeSpan elapsed, string? error)
    {
        var end = bytes.AsSpan().IndexOf("\r\n\r\n"u8);
        if (end < 0)
        {
            return new RawResponse(0, new Dictionary<string, string>(), bytes, elapsed, error ?? "the connection closed without an answer");
        }
        var lines = Encoding.Latin1.GetString(bytes, 0, end).Split("\r\n");
        var parts = lines[0].Split(' ', 3);
        var status = parts.Length > 1 && int.TryParse(parts[1], out var code) ? code : 0;
        var headers = new Dictionary<string, string>();
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                var name = line[..colon].Trim().ToLowerInvariant();
                headers[name] = headers.TryGetValue(name, out var seen) ? seen + ", " + line[(colon + 1)..].Trim() : line[(colon + 1)..].Trim();
            }
        }
        var body = bytes[(end + 4)..];
        if (headers.TryGetValue("transfer-encoding", out var coding) && coding.Contains("chunked", StringComparison.OrdinalIgnoreCase))
        {
            body = Dechunk(body);
        }
        return new RawResponse(status, headers, body, elapsed, error);
    }

    private static byte[] Dechunk(byte[] chunked)
    {
        var output = new MemoryStream();
        var at = 0;
        while (at < chunked.Length)
        {
            var lineEnd = chunked.AsSpan(at).IndexOf("\r\n"u8);
            if (lineEnd < 0)
            {
                break;
            }
            var sizeText = Encoding.ASCII.GetString(chunked, at, lineEnd).Split(';')[0].Trim();
            if (!int.TryParse(sizeText, System.Globalization.NumberStyles.HexNumber, null, out var size) || size == 0)
            {
                break;
            }
            at += lineEnd + 2;
            output.Write(chunked, at, Math.Min(size, chunked.Length - at));
            at += size + 2;
        }
        return output.ToArray();
    }
}
