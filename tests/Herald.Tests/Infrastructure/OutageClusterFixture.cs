using Herald.Testing.Databases;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Herald.Tests.Infrastructure;

/// <summary>
/// A TestingHost cluster on a PostgreSQL server of its own (<see cref="PrivatePostgres"/>), which its tests stop and
/// start to make real outages; never the server the other tests share. The wake reminder ticks once a minute here,
/// as in production, so a test sees what the endpoint does by itself, not what the reminder rescues.
/// </summary>
public sealed class OutageClusterFixture : ClusterFixture
{
    public PrivatePostgres Server { get; private set; } = null!;

    /// <summary>
    /// Where a test starts: the server up, and no pooled connection left broken by an earlier test's outage (how Herald
    /// gets over broken connections by itself is what the outage tests watch, not what the next test should meet).
    /// </summary>
    public async Task ReadyAsync()
    {
        if (!await Server.IsUpAsync())
        {
            await Server.StartAgainAsync();
        }
        NpgsqlConnection.ClearAllPools();
        Cluster.GetSiloServiceProvider().GetRequiredService<NpgsqlDataSource>().Clear();
    }

    public override async Task DisposeAsync()
    {
        if (!await Server.IsUpAsync())
        {
            await Server.StartAgainAsync();
        }
        await base.DisposeAsync();
        await Server.DisposeAsync();
    }

    protected override async Task<TestDatabase> CreateDatabaseAsync()
    {
        Server = await PrivatePostgres.StartAsync();
        var serverConnectionString = new NpgsqlConnectionStringBuilder(Server.ConnectionString) { Database = "postgres" }.ConnectionString;
        return await TestDatabase.CreateOnAsync(serverConnectionString);
    }

    protected override void Configure(IDictionary<string, string?> settings) =>
        settings[TestSiloConfigurator.WakeReminderPeriodKey] = "00:01:00";
}
