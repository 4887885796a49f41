using System.Globalization;
using Npgsql;

namespace Herald.Bench.Infrastructure;

/// <summary>
/// Where PostgreSQL's time went over one repetition: the statements of the bench database that took the most
/// execution time (from <c>pg_stat_statements</c>, when the server preloads it, as the bench's own server does) and
/// the autovacuum and autoanalyze runs of Herald's tables (from <c>pg_stat_user_tables</c>). A repetition whose
/// PostgreSQL CPU per event stands out names its cause in the log: a statement that costs more per call, more calls,
/// or a vacuum that ran beside it.
/// </summary>
public sealed class StatementTimes
{
    private const string StatementsSql = """
        select queryid::text, calls, total_exec_time, rows, left(regexp_replace(query, '\s+', ' ', 'g'), 70)
        from pg_stat_statements
        where dbid = (select oid from pg_database where datname = current_database()) and queryid is not null
        """;

    private const string VacuumsSql = """
        select relname, autovacuum_count, autoanalyze_count
        from pg_stat_user_tables where relname like 'herald\_%'
        """;

    private readonly Dictionary<string, (long Calls, double Milliseconds, long Rows, string Text)> _statements;
    private readonly Dictionary<string, (long Vacuums, long Analyses)> _vacuums;

    private StatementTimes(Dictionary<string, (long, double, long, string)> statements, Dictionary<string, (long, long)> vacuums)
    {
        _statements = statements;
        _vacuums = vacuums;
    }

    /// <summary>Makes the view available in the bench database (a no-op where the server does not preload it).</summary>
    public static async Task EnableAsync(BenchDatabase database)
    {
        var preloaded = await database.ScalarAsync<string>("select current_setting('shared_preload_libraries')");
        if (preloaded.Contains("pg_stat_statements", StringComparison.Ordinal))
        {
            try
            {
                await database.ExecuteAsync("create extension if not exists pg_stat_statements");
            }
            catch (PostgresException)
            {
                // A shared server (--pg) where the bench's user may not create it: the log names statements as n/a.
            }
        }
    }

    public static async Task<StatementTimes> ReadAsync(BenchDatabase database)
    {
        var statements = new Dictionary<string, (long, double, long, string)>();
        if (await database.ScalarAsync<long>("select count(*) from pg_extension where extname = 'pg_stat_statements'") > 0)
        {
            await ReadRowsAsync(database, StatementsSql, r => statements[r.GetString(0)] = (r.GetInt64(1), r.GetDouble(2), r.GetInt64(3), r.GetString(4)));
        }
        var vacuums = new Dictionary<string, (long, long)>();
        await ReadRowsAsync(database, VacuumsSql, r => vacuums[r.GetString(0)] = (r.GetInt64(1), r.GetInt64(2)));
        return new StatementTimes(statements, vacuums);
    }

    /// <summary>
    /// One log line: the <paramref name="count"/> statements that took the most time since this reading, each with its
    /// µs and calls per operation, then the tables vacuumed or analysed meanwhile by autovacuum.
    /// </summary>
    public string Since(StatementTimes later, long operations, int count = 4)
    {
        var per = Math.Max(1, operations);
        var top = later._statements
            .Select(s => (s.Value.Text, Calls: s.Value.Calls - Before(s.Key).Calls, Milliseconds: s.Value.Milliseconds - Before(s.Key).Milliseconds,
                          Rows: s.Value.Rows - Before(s.Key).Rows))
            .Where(s => s.Calls > 0)
            .OrderByDescending(s => s.Milliseconds)
            .Take(count)
            .Select(s => string.Create(CultureInfo.InvariantCulture,
                $"{s.Milliseconds * 1000 / per:0.0} µs/op in {(double)s.Calls / per:0.00} calls/op ({(double)s.Rows / s.Calls:0.#} rows/call): {s.Text}"));
        var vacuums = later._vacuums
            .Select(v => (Table: v.Key, Vacuums: v.Value.Vacuums - _vacuums.GetValueOrDefault(v.Key).Vacuums,
                          Analyses: v.Value.Analyses - _vacuums.GetValueOrDefault(v.Key).Analyses))
            .Where(v => v.Vacuums + v.Analyses > 0)
            .Select(v => $"{v.Table} (vacuum ×{v.Vacuums}, analyze ×{v.Analyses})")
            .ToList();
        var statements = string.Join("; ", top);
        return $"statements: {(statements.Length == 0 ? "n/a (no pg_stat_statements)" : statements)}; autovacuum: {(vacuums.Count == 0 ? "none" : string.Join(", ", vacuums))}";
    }

    private (long Calls, double Milliseconds, long Rows) Before(string id) =>
        _statements.TryGetValue(id, out var s) ? (s.Calls, s.Milliseconds, s.Rows) : (0, 0, 0);

    private static async Task ReadRowsAsync(BenchDatabase database, string sql, Action<NpgsqlDataReader> row)
    {
        await using var command = database.DataSource.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            row(reader);
        }
    }
}
