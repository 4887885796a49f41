namespace Herald.Grains.Hosting;

/// <summary>The Orleans Dashboard, bound from <c>Herald:Dashboard</c>; it is served to the admin key only.</summary>
public sealed class DashboardOptions
{
    public const string Section = "Herald:Dashboard";

    /// <summary>Serve the dashboard at <c>/dashboard</c>; false removes it from this process (nor does it sample anything).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Seconds between the dashboard's samples of the cluster's counters (1 to 3600). Each sample collects every meter
    /// of the process; at Orleans' default of 1 s that was 3% of Herald's CPU while one strict webhook drained
    /// (docs/benchmarks.md), for charts that few watch that closely.
    /// </summary>
    public int CounterIntervalSeconds { get; set; } = 5;

    /// <summary>The key that opens it: <c>Herald:AdminKey</c> (not bound from this section). Empty: nobody gets in.</summary>
    public string AdminKey { get; set; } = "";
}
