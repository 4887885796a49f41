namespace Herald.Tests.Api;

/// <summary>Event types and schemas after the seeds (CloudNexus' catalog by category, Greenlight's node payloads).</summary>
public static class CatalogTestData
{
    /// <summary>A type prefix of its own per test, so tests that share a fixture's catalog never see each other's types.</summary>
    public static string Prefix() => "t" + Guid.NewGuid().ToString("N")[..10];

    public const string ServerSchema = """
        {
          "type": "object",
          "required": ["server_id", "region"],
          "properties": {
            "server_id": {"type": "string", "minLength": 3},
            "region": {"type": "string"},
            "tags": {"type": "array", "items": {"type": "string"}}
          }
        }
        """;
}
