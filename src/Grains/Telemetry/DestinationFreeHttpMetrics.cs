using OpenTelemetry.Metrics;

namespace Herald.Grains.Telemetry;

/// <summary>
/// The delivery client's HTTP metrics (meter <c>System.Net.Http</c>, instruments <c>http.client.*</c>) without the tags
/// that name a destination (<c>server.address</c>, <c>server.port</c>, <c>network.peer.address</c>). With them every
/// receiver host ever delivered to kept a dozen series of its own for the life of the process (up to OpenTelemetry's
/// limit of 2,000 per instrument), in memory and in every scrape of <c>/metrics</c>; per-webhook figures are in the
/// stats API instead.
/// </summary>
public static class DestinationFreeHttpMetrics
{
    /// <summary>What the request and its answer were, not where it went.</summary>
    public static readonly string[] KeptTags =
        ["http.request.method", "http.response.status_code", "error.type", "url.scheme", "network.protocol.version", "http.connection.state"];

    public static MeterProviderBuilder AddDestinationFreeHttpMetrics(this MeterProviderBuilder metrics) =>
        metrics.AddView("http.client.*", new MetricStreamConfiguration { TagKeys = KeptTags });
}
