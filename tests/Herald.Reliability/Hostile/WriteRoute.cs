namespace Herald.Reliability.Hostile;

/// <summary>
/// A route that writes, on account A's own resources: its valid body would change something, so the generator only
/// ever sends it broken, with wrong types, or with a caller or id that must be refused.
/// </summary>
public sealed record WriteRoute(string Method, string Path, string Caller, string ValidBody, IReadOnlyList<string> WrongTypes)
{
    public static IReadOnlyList<WriteRoute> For(Targets t) =>
    [
        new("POST", "/v1/webhooks", "a", """{"url":"http://127.0.0.1:9/hostile","events":["hostile.*"]}""",
        [
            """{"url":123,"events":["*"]}""", """{"url":"http://127.0.0.1:9/hostile","events":"*"}""", """{"url":"http://127.0.0.1:9/hostile","events":[1]}""", """{"url":["x"],"events":["*"]}""",
            """{"url":"http://127.0.0.1:9/hostile","events":["*"],"timeout_seconds":"10"}""", """{"url":"http://127.0.0.1:9/hostile","events":["*"],"timeout_seconds":1.5}""",
            """{"url":"http://127.0.0.1:9/hostile","events":["*"],"timeout_seconds":1e400}""", """{"url":"http://127.0.0.1:9/hostile","events":["*"],"retry":[]}""",
            """{"url":"http://127.0.0.1:9/hostile","events":["*"],"retry":{"schedule":"1m"}}""", """{"url":"http://127.0.0.1:9/hostile","events":["*"],"headers":[]}""",
            """{"url":"http://127.0.0.1:9/hostile","events":["*"],"headers":{"X-A":1}}""", """{"url":"http://127.0.0.1:9/hostile","events":["*"],"ordering":1}""",
            """{"url":"http://127.0.0.1:9/hostile","events":["*"],"max_in_flight":"4"}""", """{"url":"http://127.0.0.1:9/hostile","events":["*"],"max_in_flight":99999999999999999999}""",
            """{"url":"http://127.0.0.1:9/hostile","events":["*"],"rate_limit":true}""", """{"url":"http://127.0.0.1:9/hostile","events":["*"],"signature":"hmac"}""",
            """{"url":"http://127.0.0.1:9/hostile","events":["*"],"secret":123}""", """{"url":"http://127.0.0.1:9/hostile","events":["*"],"source":[]}""",
        ]),
        new("PATCH", $"/v1/webhooks/{t.WebhookA}", "a", """{"description":"changed"}""",
        [
            """{"description":{}}""", """{"url":false}""", """{"events":{"a":1}}""", """{"timeout_seconds":[10]}""", """{"retry":{"exponential":"fast"}}""",
            """{"ordering":null,"max_in_flight":"x"}""", """{"headers":{"X-A":["a"]}}""", """{"status":"disabled","rate_limit":-1.5e308}""",
        ]),
        new("POST", "/v1/events", "a", """{"type":"hostile.tick","data":{"n":1}}""",
        [
            """{"type":1,"data":{}}""", """{"type":["a.b"],"data":{}}""", """{"type":"a.b","data":{},"id":5}""", """{"type":"a.b","data":{},"source":{}}""",
            """{"type":null,"data":{}}""", """{"type":"a.b","payload":"text"}""", """{"type":"a.b","data":{},"account_id":7}""", """{"type":{"x":1},"payload":{}}""",
        ]),
        new("PATCH", $"/v1/accounts/{t.AccountA}", "a", """{"name":"renamed"}""",
        [
            """{"name":5}""", """{"timeout_seconds":"5"}""", """{"retry":"fast"}""", """{"on_exhausted":1}""", """{"disable_after":"3"}""",
            """{"canonical_json":"yes"}""", """{"notify_email":[]}""", """{"max_webhooks_per_source":2.5}""", """{"signature":[]}""",
        ]),
        new("POST", "/v1/accounts", "admin", """{"name":"hostile-new"}""",
            ["""{"name":5}""", """{"name":["x"]}""", """{"name":"x","timeout_seconds":{}}""", """{"name":"x","disable_after":-1e99}"""]),
        new("PUT", "/v1/event-types/hostile.thing", "admin", """{"description":"a thing"}""",
            ["""{"description":5}""", """{"schema":"object"}""", """{"category":[]}""", """{"schema":[1,2]}"""]),
        new("POST", $"/v1/webhooks/{t.WebhookA}/rotate-secret", "a", """{"grace_period":"1h"}""",
            ["""{"grace_period":5}""", """{"secret":[]}""", """{"grace_period":{"h":1}}"""]),
        new("POST", $"/v1/webhooks/{t.WebhookA}/recover", "a", """{"since":"2020-01-01T00:00:00Z"}""",
            ["""{"since":5}""", """{"since":["2020-01-01"]}""", """{"since":true}"""]),
        new("POST", $"/v1/accounts/{t.AccountA}/rotate-key", "a", """{"grace_period":"1h"}""",
            ["""{"grace_period":true}""", """{"grace_period":[]}"""]),
    ];
}
