namespace Herald.Grains.Telemetry;

/// <summary>Metrics settings, bound from <c>Herald:Metrics</c>.</summary>
public sealed class MetricsOptions
{
    public const string Section = "Herald:Metrics";

    /// <summary>
    /// The backlog gauges read PostgreSQL at most this often (and only when scraped); a scrape in between gets the last
    /// figure, so it never waits for the database.
    /// </summary>
    public TimeSpan BacklogRefresh { get; set; } = TimeSpan.FromSeconds(15);
}
