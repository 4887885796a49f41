using System.Text;

namespace Herald.Reliability.Hostile;

/// <summary>Bodies that are not JSON, JSON of the wrong shape, too large or too deep, or not UTF-8.</summary>
public sealed partial class HostileGenerator
{
    private static readonly string[] WrongRoots = ["[]", "null", "\"text\"", "42", "true", "[{}]", "{}{}"];

    private Shaped MalformedJson(Random random)
    {
        var route = Pick(random, _routes);
        var valid = route.ValidBody;
        var (what, body) = random.Next(11) switch
        {
            // A proper, non-empty prefix of a JSON object is never JSON (an empty body would be valid where every field is optional).
            0 => ("cut short", Utf8(valid[..random.Next(1, valid.Length - 1)])),
            1 => ("random bytes", Garbage(random)),
            2 => ("a BOM, then invalid UTF-8", [0xEF, 0xBB, 0xBF, 0xC3, 0x28, .. Utf8(valid)]),
            3 => ("a trailing comma", Utf8(valid.Insert(valid.Length - 1, ","))),
            4 => ("single quotes", Utf8(valid.Replace('"', '\''))),
            5 => ("a comment", Utf8("/* c */" + valid)),
            6 => ("NaN", Utf8(valid.Insert(1, "\"n\":NaN,"))),
            7 => ("an unterminated string", Utf8(valid[..^2])),
            8 => ("a raw control byte in a string", [.. Utf8(valid[..^2]), 0x01, .. Utf8(valid[^2..])]),
            9 => ("a lone surrogate escape", Utf8(valid.Insert(1, "\"x\":\"\\ud800\","))),
            _ => ("two objects", Utf8(valid + valid)),
        };
        return new Shaped($"{route.Method} {route.Path}: body {what}", Write(route, body), route.Caller);
    }

    private Shaped WrongTypes(Random random)
    {
        var route = Pick(random, _routes);
        var body = random.Next(5) == 0 ? Pick(random, WrongRoots) : Pick(random, route.WrongTypes);
        return new Shaped($"{route.Method} {route.Path}: {body}", Write(route, Utf8(body)), route.Caller);
    }

    private Shaped HugeOrDeep(Random random)
    {
        var route = Pick(random, _routes);
        const int overLimit = 300 * 1024; // Herald:MaxRequestBytes is 288 KiB
        var (what, body, chunked) = random.Next(6) switch
        {
            0 => ("a 300 KiB body", Utf8($$"""{"name":"{{new string('x', overLimit)}}"}"""), false),
            1 => ("a 300 KiB body, chunked without a length", Utf8($$"""{"name":"{{new string('x', overLimit)}}"}"""), true),
            2 => ("100,000 nested arrays", Utf8(new string('[', 100_000) + new string(']', 100_000)), false),
            3 => ("20,000 nested objects", Utf8(string.Concat(Enumerable.Repeat("{\"a\":", 20_000)) + "1" + new string('}', 20_000)), false),
            4 => ("20,000 unknown fields", Utf8("{" + string.Join(",", Enumerable.Range(0, 20_000).Select(i => $"\"k{i}\":{i}")) + "}"), false),
            _ => ("a 250 KiB string of escapes", Utf8($$"""{"name":"{{string.Concat(Enumerable.Repeat("\\u0000", 40_000))}}"}"""), false),
        };
        var request = Authorized(new RawRequest(route.Method, route.Path), route.Caller);
        if (chunked)
        {
            request.Header("Content-Type", "application/json").Header("Transfer-Encoding", "chunked").Framed(Chunks(body, 8192, "0\r\n\r\n"));
        }
        else
        {
            request.Json(body);
        }
        return new Shaped($"{route.Method} {route.Path}: {what}", request, route.Caller);
    }

    private Shaped InvalidUtf8(Random random)
    {
        var route = Pick(random, _routes);
        byte[][] bad = [[0xFF], [0xC3, 0x28], [0xC0, 0xAF], [0x80], [0xED, 0xA0, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80]];
        var bytes = Pick(random, bad);
        var inName = random.Next(3) > 0;
        var valid = route.ValidBody;
        // The bytes in a property name (alone, or beside the route's valid fields), or in a string value.
        byte[] body = inName
            ? random.Next(2) == 0
                ? [.. "{\"x"u8, .. bytes, .. "y\":1}"u8]
                : [.. Utf8(valid[..^1]), .. ",\"f"u8, .. bytes, .. "\":1}"u8]
            : [.. Utf8(valid[..^1]), .. ",\"description\":\"a"u8, .. bytes, .. "\"}"u8];
        var where = inName ? "a property name" : "a string value";
        return new Shaped($"{route.Method} {route.Path}: invalid UTF-8 ({Convert.ToHexString(bytes)}) in {where}", Write(route, body), route.Caller);
    }

    private static byte[] Garbage(Random random)
    {
        var bytes = new byte[random.Next(1, 512)];
        random.NextBytes(bytes);
        bytes[0] = (byte)'{';
        return bytes;
    }

    /// <summary><paramref name="body"/> in chunks of <paramref name="size"/> bytes, then <paramref name="end"/> as written.</summary>
    private static byte[] Chunks(byte[] body, int size, string end)
    {
        var wire = new MemoryStream();
        for (var at = 0; at < body.Length; at += size)
        {
            var length = Math.Min(size, body.Length - at);
            wire.Write(Encoding.ASCII.GetBytes($"{length:x}\r\n"));
            wire.Write(body, at, length);
            wire.Write("\r\n"u8);
        }
        wire.Write(Encoding.ASCII.GetBytes(end));
        return wire.ToArray();
    }
}
