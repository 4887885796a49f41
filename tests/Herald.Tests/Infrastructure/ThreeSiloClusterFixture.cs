using Orleans.TestingHost;

namespace Herald.Tests.Infrastructure;

/// <summary>
/// Three TestingHost silos on a database of their own, for tests that stop silos: a collection of its own, so that
/// a stopped silo never disturbs the shared cluster. Endpoints wake by reminder every 2 s and the recovery sweep is
/// off, so that what a stopped silo hands over is shown to arrive through the reminders.
/// </summary>
public sealed class ThreeSiloClusterFixture : IClusterFixture, IAsyncLifetime
{
    public TestCluster Cluster { get; private set; } = null!;
    public TestDatabase Database { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync();
        var builder = new TestClusterBuilder(3);
        builder.Properties[TestSiloConfigurator.ConnectionStringKey] = Database.ConnectionString;
        foreach (var (key, value) in ProcessSettings.FastFailover)
        {
            builder.Properties[key] = value;
        }
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
