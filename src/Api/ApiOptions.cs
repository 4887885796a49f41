namespace Herald.Api;

/// <summary>API settings, bound from <c>Herald</c>.</summary>
public sealed class ApiOptions
{
    public const string Section = "Herald";

    /// <summary>The admin bearer key; when empty, admin routes are closed.</summary>
    public string AdminKey { get; set; } = "";

    /// <summary>The largest request body accepted (the whole JSON, payload included): the payload limit and room for the rest.</summary>
    public long MaxRequestBytes { get; set; } = (256 + 32) * 1024;

    /// <summary>The largest body an event may be delivered with (a <c>payload</c> as sent, or <c>data</c> in its envelope).</summary>
    public int MaxPayloadBytes { get; set; } = 256 * 1024;

    /// <summary>
    /// How long this process remembers that an API key or portal token is valid (zero: it asks PostgreSQL on every
    /// request; at most 5 s). A key or session revoked or rotated out through another API process keeps working here for
    /// at most this long.
    /// </summary>
    public TimeSpan KeyCacheTtl { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long this process remembers that a key is unknown, so that repeating it asks PostgreSQL once (zero: every time).</summary>
    public TimeSpan UnknownKeyTtl { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The <c>Retry-After</c> of a 503 answered while PostgreSQL (or the cluster) is unavailable or overloaded.</summary>
    public TimeSpan UnavailableRetryAfter { get; set; } = TimeSpan.FromSeconds(5);
}
