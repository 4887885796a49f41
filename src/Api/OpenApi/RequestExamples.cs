using System.Text.Json.Nodes;

namespace Herald.Api.OpenApi;

/// <summary>Example request bodies, keyed like <see cref="OperationNames"/>; shown in the document beside the body's schema.</summary>
public static class RequestExamples
{
    private static readonly Dictionary<string, string> ByKey = new(StringComparer.Ordinal)
    {
        ["POST /v1/accounts"] = """{"name": "LightYear", "timeout_seconds": 10, "on_exhausted": "disable", "disable_after": 5}""",
        ["PATCH /v1/accounts/{id}"] = """{"notify_email": "ops@lightyear.example"}""",
        ["POST /v1/webhooks"] = """
            {"url": "https://example.com/hooks", "events": ["server.*", "invoice.paid"], "source": "node-02a1b2",
             "description": "billing receiver", "retry": {"schedule": ["1m", "5m", "30m", "2h", "12h"]}, "timeout_seconds": 10}
            """,
        ["PATCH /v1/webhooks/{id}"] = """{"events": ["server.*", "invoice.*"], "description": null}""",
        ["POST /v1/webhooks/{id}/rotate-secret"] = """{"grace_period": "24h"}""",
        ["POST /v1/webhooks/{id}/recover"] = """{"since": "2026-12-01T00:00:00Z"}""",
        ["POST /v1/webhooks/{id}/deliveries/retry"] = """{"status": "failed", "event_type": "invoice.*", "since": "2026-12-01T00:00:00Z"}""",
        ["POST /v1/events"] = """
            {"type": "server.created", "id": "evt_2mJ8kQ", "source": "node-02a1b2",
             "data": {"server": {"id": "srv_1", "label": "web-01"}}}
            """,
        ["PUT /v1/event-types/{type}"] = """
            {"description": "A server was created", "category": "servers",
             "schema": {"type": "object", "required": ["server"]}}
            """,
        ["POST /v1/accounts/{id}/keys"] = """{"name": "dashboard", "scopes": ["read"], "expires_in": "30d"}""",
        ["POST /v1/accounts/{id}/portal-sessions"] = """{"expires_in": "1h", "read_only": false, "sources": ["node-02a1b2"]}""",
    };

    public static JsonNode? For(string key) => ByKey.TryGetValue(key, out var json) ? JsonNode.Parse(json) : null;
}
