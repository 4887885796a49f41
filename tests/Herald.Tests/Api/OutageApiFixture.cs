using Herald.Testing.Databases;

namespace Herald.Tests.Api;

/// <summary>Herald on a PostgreSQL server of its own, which a test may stop and start again (never the shared one).</summary>
public sealed class OutageApiFixture : ApiFixture
{
    public PrivatePostgres Postgres { get; private set; } = null!;

    protected override async Task<string> OpenDatabaseAsync()
    {
        Postgres = await PrivatePostgres.StartAsync();
        return Postgres.ConnectionString;
    }

    protected override async Task CloseDatabaseAsync() => await Postgres.DisposeAsync();
}
