using System.Text;

namespace Herald.Tests.Api;

/// <summary>
/// Builds malformed requests for the write routes from a seeded <see cref="Random"/>: bodies that are truncated,
/// garbage, too deep, too large, of the wrong types, with unknown fields or with values no route accepts; broken
/// headers; and paths with hostile ids. None of them is a valid write, so none may change anything.
/// </summary>
public sealed class MalformedRequests(Random random, string accountId, string webhookId, long maxBodyBytes)
{
    private static readonly string[] ValidBodies =
    [
        """{"url":"https://example.com/hooks","events":["server.*","invoice.created"],"timeout_seconds":10,"headers":{"X-Team":"ops"}}""",
        """{"type":"server.created","data":{"server":{"id":"srv_1"}}}""",
        """{"name":"acme","retry":{"schedule":["1m","5m"]},"timeout_seconds":5,"on_exhausted":"disable","disable_after":3}""",
        """{"description":"A server is ready.","category":"compute","schema":{"type":"object"}}""",
        """{"since":"2026-01-01T00:00:00Z"}""",
        """{"grace_period":"1h"}""",
    ];

    // Well-formed JSON whose values no route accepts (422) or whose types are wrong (400).
    private static readonly string[] InvalidValues =
    [
        """{"url":"http://10.0.0.5/x","events":["*"]}""",
        """{"url":"https://169.254.169.254/latest/meta-data","events":["*"]}""",
        """{"url":"https://2852039166/","events":["*"]}""",     // 169.254.169.254 in decimal
        """{"url":"https://0x7f.2/","events":["*"]}""",          // 127.0.0.2
        """{"url":"https://[::ffff:127.0.0.2]/","events":["*"]}""",
        """{"url":"https://user:pw@example.com/","events":["*"]}""",
        """{"url":"ftp://example.com/","events":["*"]}""",
        """{"url":"https://example.com/","events":[]}""",
        """{"url":"https://example.com/","events":["a..b"]}""",
        """{"url":"https://example.com/","events":[null]}""",
        """{"url":"https://example.com/","events":["*"],"timeout_seconds":0}""",
        """{"url":"https://example.com/","events":["*"],"timeout_seconds":"ten"}""",
        """{"url":"https://example.com/","events":["*"],"headers":{"Host":"evil"}}""",
        """{"url":"https://example.com/","events":["*"],"headers":{"webhook-signature":"v1,x"}}""",
        """{"url":"https://example.com/","events":["*"],"headers":{"Herald-Event-Id":"x"}}""",
        """{"url":"https://example.com/","events":["*"],"headers":{"X-A":"a\r\nInjected: 1"}}""",
        """{"url":"https://example.com/","events":["*"],"retry":{"schedule":["999999999d"]}}""",
        """{"url":"https://example.com/","events":["*"],"retry":{"schedule":["-1s"]}}""",
        """{"url":"https://example.com/","events":["*"],"retry":{"exponential":{"base":"0s","factor":1e308,"max_attempts":-1}}}""",
        """{"url":"https://example.com/","events":["*"],"ordering":"chaotic"}""",
        """{"url":"https://example.com/","events":["*"],"source":"no spaces allowed"}""",
        """{"url":"https://example.com/","events":["*"],"secret":"whsec_short"}""",
        """{"type":"server.*","data":{}}""",
        """{"type":"a.b","data":{},"payload":{}}""",
        """{"type":"a.b"}""",
        """{"type":"a.b","payload":[1,2]}""",
        """{"type":"a.b","data":{},"id":"has spaces"}""",
        """{"type":"a.b","data":{},"source":"../../etc"}""",
        """{"name":""}""",
        """{"name":"x","on_exhausted":"explode"}""",
        """{"name":"x","disable_after":0}""",
        """{"name":"x","max_webhooks_per_source":0}""",
        """{"name":"x","timeout_seconds":999999999999}""",
        """{"grace_period":"8d"}""",
        """{"grace_period":"soon"}""",
        """{"since":"2999-01-01T00:00:00Z"}""",
        """{"since":"yesterday"}""",
        """{"schema":"object"}""",
        """{"schema":{"type":"string","pattern":"("}}""",
        """{"schema":{"$ref":"http://169.254.169.254/schema.json"}}""",
        """{"category":"no/slashes"}""",
        """{"unknown_field":1}""",
        """[]""",
        """null""",
        "\"a string\"",
        """42""",
    ];

    private static readonly string[] HostileSegments =
    [
        "..", "..%2F..%2Fetc%2Fpasswd", "wh_" + new string('z', 300), "%F0%9F%92%A5", "wh_%27%3B%20drop%20table%20herald_events%3B--",
        "acct_%22%3E%3Cscript%3E", "%25", "wh_", "*", "server.*", "a..b", "%E2%80%AE", new string('9', 40), "wh_01jx%0D%0AX-Injected:1",
    ];

    public HttpRequestMessage Next(string accountKey, string adminKey)
    {
        var (method, path, useAdmin, bodyAllowed, field) = Route();
        var request = new HttpRequestMessage(method, path);
        var kind = random.Next(10);
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + (useAdmin ? adminKey : accountKey));
        if (kind == 0)
        {
            request.Headers.Remove("Authorization");
            request.Headers.TryAddWithoutValidation("Authorization", BrokenAuthorization());
        }
        if (bodyAllowed)
        {
            request.Content = new ByteArrayContent(Body(kind, field));
            request.Content.Headers.TryAddWithoutValidation("Content-Type", random.Next(20) == 0 ? "text/plain; charset=banana" : "application/json");
        }
        if (random.Next(6) == 0)
        {
            request.Headers.TryAddWithoutValidation("Idempotency-Key", random.Next(2) == 0 ? "has spaces" : new string('k', 200));
        }
        return request;
    }

    /// <summary>A route, and the first field of the bodies it takes (so invalid values mostly go where they are read).</summary>
    private (HttpMethod Method, string Path, bool Admin, bool Body, string Field) Route()
    {
        var segment = random.Next(4) == 0 ? HostileSegments[random.Next(HostileSegments.Length)] : null;
        return random.Next(12) switch
        {
            11 => (HttpMethod.Patch, $"/v1/webhooks/{segment ?? webhookId}", false, true, "url"),
            0 => (HttpMethod.Post, "/v1/accounts", true, true, "name"),
            1 => (HttpMethod.Patch, $"/v1/accounts/{segment ?? accountId}", false, true, "name"),
            2 => (HttpMethod.Post, $"/v1/accounts/{segment ?? accountId}/rotate-key", false, true, "grace_period"),
            3 => (HttpMethod.Put, $"/v1/event-types/{segment ?? "fuzz.type"}", true, true, random.Next(2) == 0 ? "schema" : "category"),
            4 => (HttpMethod.Post, "/v1/webhooks" + (segment is null ? "" : $"?account_id={segment}"), random.Next(2) == 0, true, "url"),
            5 => (HttpMethod.Delete, $"/v1/webhooks/{segment ?? "wh_01doesnotexist"}", false, false, ""),
            6 => (HttpMethod.Post, $"/v1/webhooks/{segment ?? webhookId}/recover", false, true, "since"),
            7 => (HttpMethod.Post, $"/v1/webhooks/{segment ?? "wh_01doesnotexist"}/{(random.Next(2) == 0 ? "enable" : "disable")}", false, false, ""),
            8 => (HttpMethod.Post, $"/v1/webhooks/{segment ?? webhookId}/deliveries/{segment ?? "dlv_01doesnotexist"}/retry", false, false, ""),
            9 => (HttpMethod.Post, "/v1/events" + (segment is null ? "" : $"?account_id={segment}"), random.Next(4) == 0, true, "type"),
            _ => (new HttpMethod(random.Next(2) == 0 ? "PATCH" : "PUT"), $"/v1/{segment ?? "webhooks"}", false, true, "url"),
        };
    }

    private string InvalidValue(string field)
    {
        var matching = InvalidValues.Where(v => v.StartsWith($"{{\"{field}\"", StringComparison.Ordinal)).ToArray();
        return matching.Length > 0 && random.Next(4) > 0 ? matching[random.Next(matching.Length)] : InvalidValues[random.Next(InvalidValues.Length)];
    }

    private byte[] Body(int kind, string field)
    {
        var valid = ValidBodies[random.Next(ValidBodies.Length)];
        return (kind % 9) switch
        {
            // A proper prefix of a JSON object is never valid JSON.
            0 or 1 => Encoding.UTF8.GetBytes(valid[..random.Next(0, valid.Length - 1)]),
            2 => Garbage(random.Next(1, 512)),
            3 => Encoding.UTF8.GetBytes(new string('[', 200 + random.Next(200)) + new string(']', 200)),
            4 => Encoding.UTF8.GetBytes(InvalidValue(field)),
            5 => Encoding.UTF8.GetBytes(valid.Insert(1, $"\"fuzz_{random.Next(1000)}\":{random.Next()},")),
            6 => random.Next(20) == 0 ? Oversized() : Encoding.UTF8.GetBytes(InvalidValue(field)),
            7 => Encoding.UTF8.GetBytes(valid.Replace(":", ":" + TypeSwap(), StringComparison.Ordinal)[..^1]),
            _ => [0xEF, 0xBB, 0xBF, 0xC3, 0x28, .. Encoding.UTF8.GetBytes(valid)],   // a BOM, then invalid UTF-8
        };
    }

    private string TypeSwap() => random.Next(4) switch
    {
        0 => "[",
        1 => "{\"x\":",
        2 => "tru",
        _ => "-",
    };

    private byte[] Garbage(int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        bytes[0] = (byte)'}';
        return bytes;
    }

    private byte[] Oversized()
    {
        var filler = new string('x', (int)maxBodyBytes + 1024);
        return Encoding.UTF8.GetBytes("{\"type\":\"a.b\",\"payload\":{\"blob\":\"" + filler + "\"}}");
    }

    private string BrokenAuthorization() => random.Next(5) switch
    {
        0 => "Bearer",
        1 => "Basic dXNlcjpwdw==",
        2 => "Bearer hk_" + Convert.ToBase64String(Guid.NewGuid().ToByteArray()),
        3 => "bearer " + new string('a', 5000),
        _ => "Bearer  ",
    };
}
