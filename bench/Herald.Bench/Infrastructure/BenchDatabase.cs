using Npgsql;

namespace Herald.Bench.Infrastructure;

/// <summary>A fresh database on the project's PostgreSQL for one run (<c>herald_bench_…</c>), dropped afterwards.</summary>
public sealed class BenchDatabase : IAsyncDisposable
{
    private readonly string _serverConnectionString;
    private readonly bool _keep;

    private BenchDatabase(string serverConnectionString, string name, bool keep)
    {
        _serverConnectionString = serverConnectionString;
        _keep = keep;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = name }.ConnectionString;
        DataSource = new NpgsqlDataSourceBuilder(new NpgsqlConnectionStringBuilder(ConnectionString) { MaxPoolSize = 40 }.ConnectionString).Build();
    }

    public string Name { get; }

    /// <summary>What Herald connects with (its own pool settings are Npgsql's defaults).</summary>
    public string ConnectionString { get; }

    /// <summary>The bench's own connections: pre-loading, baselines, counters.</summary>
    public NpgsqlDataSource DataSource { get; }

    public static async Task<BenchDatabase> CreateAsync(string serverConnectionString, bool keep)
    {
        var name = $"herald_bench_{Environment.ProcessId}_{Random.Shared.Next(1000, 9999)}";
        await using var admin = new NpgsqlConnection(serverConnectionString);
        await admin.OpenAsync();
        await using var create = new NpgsqlCommand($"create database {name}", admin);
        await create.ExecuteNonQueryAsync();
        return new BenchDatabase(serverConnectionString, name, keep);
    }

    public async Task ExecuteAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = DataSource.CreateCommand(sql);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        command.CommandTimeout = 600;
        await command.ExecuteNonQueryAsync();
    }

    public async Task<T> ScalarAsync<T>(string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = DataSource.CreateCommand(sql);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        command.CommandTimeout = 600;
        return (T)Convert.ChangeType((await command.ExecuteScalarAsync())!, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Lines of a query's result (one text column), e.g. an EXPLAIN ANALYZE plan.</summary>
    public async Task<IReadOnlyList<string>> LinesAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = DataSource.CreateCommand(sql);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetValue(0).ToString() ?? "");
        }
        return lines;
    }

    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        if (_keep)
        {
            return;
        }
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(_serverConnectionString);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"drop database if exists {Name} with (force)", admin);
        await drop.ExecuteNonQueryAsync();
    }
}
