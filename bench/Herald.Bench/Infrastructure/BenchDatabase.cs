using Herald.Testing.Databases;
using Npgsql;

namespace Herald.Bench.Infrastructure;

/// <summary>A fresh database on the project's PostgreSQL for one run (<c>herald_bench_…</c>), dropped afterwards.</summary>
public sealed class BenchDatabase : IAsyncDisposable
{
    private readonly ScratchDatabase _database;
    private readonly bool _keep;

    private BenchDatabase(ScratchDatabase database, bool keep)
    {
        _database = database;
        _keep = keep;
        DataSource = new NpgsqlDataSourceBuilder(new NpgsqlConnectionStringBuilder(ConnectionString) { MaxPoolSize = 40 }.ConnectionString).Build();
    }

    public string Name => _database.Name;

    /// <summary>What Herald connects with (its own pool settings are Npgsql's defaults).</summary>
    public string ConnectionString => _database.ConnectionString;

    /// <summary>The bench's own connections: pre-loading, baselines, counters.</summary>
    public NpgsqlDataSource DataSource { get; }

    public static async Task<BenchDatabase> CreateAsync(string serverConnectionString, bool keep) =>
        new(await ScratchDatabase.CreateAsync(serverConnectionString, $"herald_bench_{Environment.ProcessId}_{Random.Shared.Next(1000, 9999)}"), keep);

    public async Task ExecuteAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = DataSource.Command(sql, parameters);
        command.CommandTimeout = 600;
        await command.ExecuteNonQueryAsync();
    }

    public async Task<T> ScalarAsync<T>(string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = DataSource.Command(sql, parameters);
        command.CommandTimeout = 600;
        return (T)Convert.ChangeType((await command.ExecuteScalarAsync())!, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// The server's postmaster: the parent of this connection's backend (PostgreSQL forks every backend and worker
    /// from it), on this machine.
    /// </summary>
    /// <summary>
    /// Brings the database to the same state before each repetition: a checkpoint (so that none falls due in the
    /// measurement for the writes of the one before) and a vacuum with statistics of Herald's queue and log tables
    /// (so that no autovacuum of the last repetition's dead rows runs beside the next). Each statement on its own:
    /// VACUUM cannot run in a transaction.
    /// </summary>
    public async Task SettleAsync()
    {
        await ExecuteAsync("checkpoint");
        await ExecuteAsync("vacuum (analyze) herald_events, herald_deliveries, herald_attempts, herald_failure_outbox");
    }

    public async Task<int> PostmasterPidAsync()
    {
        var backend = await ScalarAsync<int>("select pg_backend_pid()");
        return ProcStat.Read(backend)?.ParentPid
            ?? throw new InvalidOperationException($"PostgreSQL backend {backend} is not a process of this machine: the bench meters a local server only.");
    }

    /// <summary>Lines of a query's result (one text column), e.g. an EXPLAIN ANALYZE plan.</summary>
    public async Task<IReadOnlyList<string>> LinesAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = DataSource.Command(sql, parameters);
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
        await _database.DropAsync();
    }
}
