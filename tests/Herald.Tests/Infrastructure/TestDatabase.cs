using Herald.Grains.Storage;
using Herald.Testing.Databases;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Herald.Tests.Infrastructure;

/// <summary>
/// A fresh, empty database on the project's PostgreSQL (scripts/postgres.sh start), one per fixture or test, so
/// tests never depend on each other's data. HERALD_TEST_PG overrides the server's connection string.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private static readonly string ServerConnectionString =
        Environment.GetEnvironmentVariable("HERALD_TEST_PG")
        ?? "Host=127.0.0.1;Port=55432;Username=herald;Password=herald;Database=postgres";

    private readonly ScratchDatabase _database;

    private TestDatabase(ScratchDatabase database)
    {
        _database = database;
        ConnectionString = new NpgsqlConnectionStringBuilder(database.ConnectionString) { MaxPoolSize = 40 }.ConnectionString;
    }

    public string Name => _database.Name;
    public string ConnectionString { get; }

    public static Task<TestDatabase> CreateAsync() => CreateOnAsync(ServerConnectionString);

    /// <summary>A fresh database on another server (a <see cref="PrivatePostgres"/> of a test's own), given its connection string.</summary>
    public static async Task<TestDatabase> CreateOnAsync(string serverConnectionString) =>
        new(await ScratchDatabase.CreateAsync(serverConnectionString, "herald_t_" + Guid.NewGuid().ToString("N")[..16]));

    public NpgsqlDataSource CreateDataSource() => NpgsqlDataSource.Create(ConnectionString);

    /// <summary>A data source on this database with Herald's schema applied.</summary>
    public async Task<NpgsqlDataSource> MigratedDataSourceAsync()
    {
        var dataSource = CreateDataSource();
        await new SchemaMigrator(dataSource, NullLogger<SchemaMigrator>.Instance).MigrateAsync();
        return dataSource;
    }

    public async Task ExecuteAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var dataSource = CreateDataSource();
        await using var command = dataSource.Command(sql, parameters);
        await command.ExecuteNonQueryAsync();
    }

    public async Task<T> ScalarAsync<T>(string sql, params (string Name, object Value)[] parameters)
    {
        await using var dataSource = CreateDataSource();
        await using var command = dataSource.Command(sql, parameters);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Sessions of this database waiting for a lock: a statement a test holds back has reached PostgreSQL.</summary>
    public Task<long> LockWaitersAsync() =>
        ScalarAsync<long>("select count(*) from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'");

    /// <summary>The first column of every row, as text.</summary>
    public async Task<List<string>> TextColumnAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var dataSource = CreateDataSource();
        await using var command = dataSource.Command(sql, parameters);
        var values = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }
        return values;
    }

    public ValueTask DisposeAsync() => new(_database.DropAsync());
}
