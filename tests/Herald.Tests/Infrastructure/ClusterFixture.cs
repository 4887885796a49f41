using Orleans.TestingHost;

namespace Herald.Tests.Infrastructure;

/// <summary>One TestingHost cluster per test collection, on a database of its own; tests use fresh grain keys.</summary>
public sealed class ClusterFixture : IClusterFixture, IAsyncLifetime
{
    public TestCluster Cluster { get; private set; } = null!;
    public TestDatabase Database { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync();
        var builder = new TestClusterBuilder(1);
        builder.Properties[TestSiloConfigurator.ConnectionStringKey] = Database.ConnectionString;
        builder.Properties["Herald:Orleans:MinimumReminderPeriod"] = "00:00:01";
        builder.AddSiloBuilderConfigurator<TestSiloConfigurator>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
        await Database.DisposeAsync();
    }
}
