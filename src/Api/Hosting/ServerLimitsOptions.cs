namespace Herald.Api.Hosting;

/// <summary>
/// The HTTP server's limits on slow and numerous clients, bound from <c>Herald:Server</c> and given to Kestrel, so that
/// a client that sends slowly or opens many connections cannot hold the API's resources.
/// </summary>
public sealed class ServerLimitsOptions
{
    public const string Section = "Herald:Server";

    /// <summary>How long a client may take to send the request line and headers; then the connection is closed (Kestrel: 30 s).</summary>
    public TimeSpan RequestHeadersTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long an idle keep-alive connection stays open (Kestrel's default).</summary>
    public TimeSpan KeepAliveTimeout { get; set; } = TimeSpan.FromSeconds(130);

    /// <summary>
    /// The slowest a request body may arrive, in bytes per second, after <see cref="MinDataRateGracePeriod"/>; below it
    /// the read fails and the answer is 408 (Kestrel's default: 240 bytes/s). Zero turns the check off.
    /// </summary>
    public double MinRequestBodyBytesPerSecond { get; set; } = 240;

    /// <summary>The slowest a client may read an answer, in bytes per second, after the grace period; below it the connection is closed.</summary>
    public double MinResponseBytesPerSecond { get; set; } = 240;

    /// <summary>How long a transfer may run below the minimum rates before they apply (Kestrel's default: 5 s).</summary>
    public TimeSpan MinDataRateGracePeriod { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Open connections the process accepts at once; further ones are closed at once (Kestrel: unlimited).</summary>
    public int MaxConcurrentConnections { get; set; } = 10_000;

    /// <summary>
    /// Open connections one client address may hold at once; zero for no limit (the default, because behind a proxy or a
    /// load balancer every connection comes from its address). Set it when clients connect to Herald directly.
    /// </summary>
    public int MaxConnectionsPerClient { get; set; }
}
