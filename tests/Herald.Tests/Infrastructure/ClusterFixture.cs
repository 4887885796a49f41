using Orleans.TestingHost;

namespace Herald.Tests.Infrastructure;

/// <summary>One TestingHost cluster per test collection, on a database of its own; tests use fresh grain keys.</summary>
public class ClusterFixture : IClusterFixture, IAsyncLifetime
{
    public TestCluster Cluster { get; private set; } = null!;
    public TestDatabase Database { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Database = await CreateDatabaseAsync();
        var builder = new TestClusterBuilder(1);
        builder.Properties[TestSiloConfigurator.ConnectionStringKey] = Database.ConnectionString;
        builder.Properties["Herald:Orleans:MinimumReminderPeriod"] = "00:00:01";
        Configure(builder.Properties);
        builder.AddSiloBuilderConfigurator<TestSiloConfigurator>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public virtual async Task DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
        await Database.DisposeAsync();
    }

    /// <summary>The database the silos use: a fresh one on the project's server unless a derived fixture has its own server.</summary>
    protected virtual Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.CreateAsync();

    /// <summary>A derived fixture's settings for its silos, on top of the ones every test cluster has.</summary>
    protected virtual void Configure(IDictionary<string, string?> settings)
    {
    }
}
