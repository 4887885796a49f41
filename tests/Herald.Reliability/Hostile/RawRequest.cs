using System.Globalization;
using System.Text;

namespace Herald.Reliability.Hostile;

/// <summary>
/// An HTTP/1.1 request written byte by byte, so that it can be wrong in ways <see cref="HttpClient"/> never is:
/// broken chunks, duplicate or contradicting lengths, bytes no header may hold. By default it carries
/// <c>Host</c>, <c>Connection: close</c> and a <c>Content-Length</c> that matches its body.
/// </summary>
public sealed class RawRequest(string method, string target)
{
    private readonly List<(string Name, byte[] Value)> _headers = [];

    public string Method => method;
    public string Target => target;
    public byte[]? Body { get; private set; }

    /// <summary>The body as it goes on the wire (already chunked, or cut short): no Content-Length is added for it.</summary>
    public bool BodyIsFramed { get; private set; }

    public bool OmitHost { get; init; }

    public string Version { get; init; } = "HTTP/1.1";

    public RawRequest Header(string name, string value) => Header(name, Encoding.UTF8.GetBytes(value));

    public RawRequest Header(string name, byte[] value)
    {
        _headers.Add((name, value));
        return this;
    }

    public RawRequest Json(string json) => Json(Encoding.UTF8.GetBytes(json));

    public RawRequest Json(byte[] body)
    {
        Body = body;
        return Header("Content-Type", "application/json");
    }

    /// <summary>A body written as is, its framing headers (Transfer-Encoding, Content-Length) set by the caller.</summary>
    public RawRequest Framed(byte[] wire)
    {
        Body = wire;
        BodyIsFramed = true;
        return this;
    }

    public bool HasHeader(string name) => _headers.Any(h => string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase));

    public byte[] ToBytes(string host)
    {
        using var wire = new MemoryStream();
        void Line(string text) => wire.Write(Encoding.ASCII.GetBytes(text + "\r\n"));
        Line($"{method} {target} {Version}");
        if (!OmitHost)
        {
            Line($"Host: {host}");
        }
        if (!HasHeader("Connection"))
        {
            Line("Connection: close");
        }
        foreach (var (name, value) in _headers)
        {
            wire.Write(Encoding.ASCII.GetBytes(name + ": "));
            wire.Write(value);
            Line("");
        }
        if (Body is not null && !BodyIsFramed && !HasHeader("Content-Length") && !HasHeader("Transfer-Encoding"))
        {
            Line("Content-Length: " + Body.Length.ToString(CultureInfo.InvariantCulture));
        }
        Line("");
        if (Body is not null)
        {
            wire.Write(Body);
        }
        return wire.ToArray();
    }
}
