namespace Herald.Grains.Hosting;

/// <summary>The Orleans Dashboard, bound from <c>Herald:Dashboard</c>; it is served to the admin key only.</summary>
public sealed class DashboardOptions
{
    public const string Section = "Herald:Dashboard";

    /// <summary>Serve the dashboard at <c>/dashboard</c>; false removes it from this process.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The key that opens it: <c>Herald:AdminKey</c> (not bound from this section). Empty: nobody gets in.</summary>
    public string AdminKey { get; set; } = "";
}
