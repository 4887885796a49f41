using System.Text;

namespace Herald.Reliability.Hostile;

/// <summary>
/// Requests wrong at the HTTP level: broken chunked bodies, contradicting or impossible headers, odd request lines,
/// and keys that are not quite keys. Requests that HTTP itself answers with 501 or 505 (an unknown transfer coding or
/// protocol version: RFC 9112 asks for those) are not made.
/// </summary>
public sealed partial class HostileGenerator
{
    /// <summary>A publish that no account can accept (422), for bodies whose framing is what is wrong.</summary>
    private const string Refused = """{"type":"a..b","data":{}}""";

    private Shaped MalformedChunked(Random random)
    {
        var route = Pick(random, _routes);
        var json = Utf8(Refused);
        var (what, wire, halfClose) = random.Next(8) switch
        {
            0 => ("a chunk size that is not hex", [.. "zz\r\n"u8, .. json, .. "\r\n0\r\n\r\n"u8], false),
            1 => ("a chunk shorter than its size", [.. Encoding.ASCII.GetBytes($"{json.Length + 10:x}\r\n"), .. json, .. "\r\n0\r\n\r\n"u8], true),
            2 => ("no last chunk, then the end of the stream", Chunks(json, 8, ""), true),
            3 => ("a chunk size past 64 bits", [.. "FFFFFFFFFFFFFFFFFF\r\n"u8, .. json, .. "\r\n0\r\n\r\n"u8], false),
            4 => ("no CRLF after a chunk's data", [.. Encoding.ASCII.GetBytes($"{json.Length:x}\r\n"), .. json, .. "0\r\n\r\n"u8], false),
            5 => ("a negative chunk size", [.. "-5\r\n"u8, .. json, .. "\r\n0\r\n\r\n"u8], false),
            6 => ("a 10,000-byte chunk extension", [.. Encoding.ASCII.GetBytes($"{json.Length:x};{new string('e', 10_000)}\r\n"), .. json, .. "\r\n0\r\n\r\n"u8], false),
            _ => ("a trailer with a control byte", [.. Chunks(json, 64, ""), .. "0\r\nX-T: a\u0001b\r\n\r\n"u8], false),
        };
        var request = Authorized(new RawRequest(route.Method, route.Path), route.Caller)
            .Header("Content-Type", "application/json").Header("Transfer-Encoding", "chunked").Framed(wire);
        return new Shaped($"{route.Method} {route.Path}: chunked body with {what}", request, route.Caller, HalfClose: halfClose);
    }

    private Shaped HeaderTrick(Random random)
    {
        var route = Pick(random, _routes);
        var json = Utf8(Refused);
        var get = $"/v1/webhooks/{targets.WebhookA}";
        var request = Authorized(new RawRequest(route.Method, route.Path), route.Caller);
        (string What, RawRequest Request, bool HttpLevel, bool HalfClose) trick = random.Next(24) switch
        {
            0 => ("Content-Length and Transfer-Encoding both", request.Header("Content-Length", "5").Header("Transfer-Encoding", "chunked").Framed(Chunks(json, 16, "0\r\n\r\n")), true, false),
            1 => ("two different Content-Lengths", request.Header("Content-Length", $"{json.Length}").Header("Content-Length", "3").Framed(json), true, false),
            2 => ("a Content-Length that is not a number", request.Header("Content-Length", "abc").Framed(json), true, false),
            3 => ("a negative Content-Length", request.Header("Content-Length", "-1").Framed(json), true, false),
            4 => ("a body shorter than its Content-Length, then the end of the stream", request.Json(json).Header("Content-Length", $"{json.Length + 50}"), false, true),
            5 => ("a header name with a space", request.Header("Bad Header", "x").Json(json), true, false),
            6 => ("a NUL byte in a header value", request.Header("X-Note", [(byte)'a', 0, (byte)'b']).Json(json), true, false),
            7 => ("UTF-8 in a header value", request.Header("X-Note", "naïve ☃").Json(json), true, false),
            8 => ("a 40 KB header", request.Header("X-Big", new string('h', 40_000)).Json(json), true, false),
            9 => ("no Host", new RawRequest(route.Method, route.Path) { OmitHost = true }.Header("Authorization", "Bearer " + targets.Key(route.Caller)).Json(json), true, false),
            10 => ("two Host headers", request.Header("Host", "evil.example").Json(json), true, false),
            11 => ("an obsolete folded header line", request.Header("X-Fold", "a\r\n b").Json(json), true, false),
            12 => ("X-HTTP-Method-Override: DELETE on a GET", Authorized(new RawRequest("GET", get), "a").Header("X-HTTP-Method-Override", "DELETE"), false, false),
            13 => ("X-Forwarded-For and X-Forwarded-Host from nowhere", request.Header("X-Forwarded-For", "169.254.169.254").Header("X-Forwarded-Host", "evil.example").Json(json), false, false),
            14 => ("Content-Type: text/plain", request.Header("Content-Type", "text/plain").Framed(json).Header("Content-Length", $"{json.Length}"), false, false),
            15 => ("Content-Type: application/json; charset=utf-16", request.Header("Content-Type", "application/json; charset=utf-16").Framed(json).Header("Content-Length", $"{json.Length}"), false, false),
            16 => ("Content-Encoding: gzip on a plain body", request.Header("Content-Encoding", "gzip").Json(Garbage(random)), false, false),
            17 => ("Expect: 100-continue", request.Header("Expect", "100-continue").Json(json), false, false),
            18 => ("an absolute URI for another host", Authorized(new RawRequest(route.Method, $"http://evil.example{route.Path}"), route.Caller).Json(json), true, false),
            19 => ("the asterisk target", Authorized(new RawRequest("GET", "*"), "a"), true, false),
            20 => ("HTTP/1.0 without Host", new RawRequest("GET", get + "x") { OmitHost = true, Version = "HTTP/1.0" }.Header("Authorization", "Bearer " + targets.KeyA), false, false),
            21 => ("an unknown method", Authorized(new RawRequest(Pick(random, ["PROPFIND", "FOO", "get", "TRACE"]), get), "a"), true, false),
            22 => ("a 12 KB URL", Authorized(new RawRequest("GET", "/v1/webhooks?cursor=" + new string('u', 12_000)), "a"), true, false),
            _ => ("Idempotency-Key that is not a token", request.Header("Idempotency-Key", Pick(random, ["has spaces", new string('k', 300), "a\tb"])).Json(json), false, false),
        };
        var caller = trick.Request.Method == "GET" && trick.Request.Target.Contains(targets.WebhookA, StringComparison.Ordinal) ? "a" : route.Caller;
        return new Shaped($"{trick.Request.Method} {Shorten(trick.Request.Target)}: {trick.What}", trick.Request, caller, trick.HttpLevel, HalfClose: trick.HalfClose);
    }

    private Shaped AuthTrick(Random random)
    {
        // Requests that would be valid writes with the right key: only the key is wrong.
        var (method, path, body) = random.Next(5) switch
        {
            0 => ("POST", "/v1/webhooks", """{"url":"http://127.0.0.1:9/hostile","events":["*"]}"""),
            1 => ("POST", "/v1/events", """{"type":"hostile.tick","data":{"n":1}}"""),
            2 => ("PATCH", $"/v1/webhooks/{targets.WebhookA}", """{"description":"changed"}"""),
            3 => ("DELETE", $"/v1/webhooks/{targets.WebhookA}", ""),
            _ => ("POST", "/v1/accounts", """{"name":"hostile-new"}"""),
        };
        var key = targets.KeyA;
        (string What, byte[][] Values, bool HttpLevel) trick = random.Next(9) switch
        {
            0 => ("no Authorization", [], false),
            1 => ("Basic credentials", [Utf8("Basic dXNlcjpwdw==")], false),
            2 => ("Bearer without a key", [Utf8("Bearer")], false),
            3 => ("half of a key", [Utf8("Bearer " + key[..(key.Length / 2)])], false),
            4 => ("a key with a character more", [Utf8("Bearer " + key + "0")], false),
            5 => ("the admin key with a character more", [Utf8("Bearer " + targets.AdminKey + "0")], false),
            6 => ("a 10,000-character key", [Utf8("Bearer " + new string('k', 10_000))], false),
            7 => ("the key, and a second Authorization header with another", [Utf8("Bearer " + key), Utf8("Bearer " + targets.KeyB + "x")], false),
            _ => ("a key with a NUL byte after it", [[.. Utf8("Bearer " + key), 0]], true),
        };
        var request = new RawRequest(method, path);
        foreach (var value in trick.Values)
        {
            request.Header("Authorization", value);
        }
        return new Shaped($"{method} {path}: {trick.What}", WithBody(request, body), "none", trick.HttpLevel);
    }
}
