namespace Herald.Reliability.Hostile;

/// <summary>An answer read off the socket: its status (0 when none came), headers (names lower-cased), body, and how long it took.</summary>
public sealed record RawResponse(int Status, IReadOnlyDictionary<string, string> Headers, byte[] Body, TimeSpan Elapsed, string? Error = null)
{
    public string ContentType => Headers.TryGetValue("content-type", out var type) ? type : "";

    public bool IsProblem => ContentType.StartsWith("application/problem+json", StringComparison.OrdinalIgnoreCase);

    public string BodyText => System.Text.Encoding.UTF8.GetString(Body);
}
