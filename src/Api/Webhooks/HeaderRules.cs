namespace Herald.Api.Webhooks;

/// <summary>Which header names a webhook may set, through its custom headers or its signature profile.</summary>
public static class HeaderRules
{
    public const int MaxNameLength = 64;

    // Herald's own headers and the hop-by-hop ones: neither custom headers nor a signature profile may set these.
    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "host", "content-type", "content-length", "content-encoding", "user-agent", "authorization",
        "connection", "keep-alive", "proxy-authenticate", "proxy-authorization", "proxy-connection",
        "te", "trailer", "transfer-encoding", "upgrade", "expect", "cookie",
        "herald-event-id", "webhook-id", "webhook-timestamp", "webhook-signature",
    };

    /// <summary>An RFC 9110 token of 1–64 characters.</summary>
    public static bool IsName(string name) =>
        name.Length is > 0 and <= MaxNameLength && name.All(c => char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-.^_`|~".Contains(c));

    public static bool IsReserved(string name) => Reserved.Contains(name) || name.StartsWith("webhook-", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("herald-", StringComparison.OrdinalIgnoreCase);
}
