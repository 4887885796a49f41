namespace Herald.Api.Hosting;

/// <summary>How the API process reaches the cluster (<c>Herald:Orleans:Role</c>).</summary>
public enum OrleansRole
{
    /// <summary>The API process is a silo too: one process runs all of Herald.</summary>
    Cohosted,

    /// <summary>The API process is an Orleans client of silos found through ADO.NET clustering.</summary>
    Client,
}
