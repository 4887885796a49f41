using Herald.Grains.Storage;
using Herald.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Herald.Tests.Storage;

public sealed class MigratorTests
{
    [Fact]
    public async Task Migrating_twice_changes_nothing_the_second_time()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var dataSource = database.CreateDataSource();
        var migrator = new SchemaMigrator(dataSource, NullLogger<SchemaMigrator>.Instance);

        var first = await migrator.MigrateAsync();
        var afterFirst = await SnapshotAsync(dataSource);
        var second = await migrator.MigrateAsync();
        var afterSecond = await SnapshotAsync(dataSource);

        Assert.Equal(Migration.LoadEmbedded().Select(m => m.Version), first);
        Assert.Empty(second);
        Assert.Equal(afterFirst, afterSecond);
        Assert.Contains(afterFirst, line => line.StartsWith("query UpsertReminderRowKey", StringComparison.Ordinal));
        Assert.Contains(afterFirst, line => line.StartsWith("table herald_deliveries", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Migrators_started_together_apply_each_migration_once()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var dataSource = database.CreateDataSource();

        var runs = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            new SchemaMigrator(dataSource, NullLogger<SchemaMigrator>.Instance).MigrateAsync()));

        Assert.Equal(Migration.LoadEmbedded().Select(m => m.Version), runs.SelectMany(r => r).Order());
    }

    /// <summary>Everything a migration can change: tables and columns, indexes, functions, query rows, versions.</summary>
    private static async Task<List<string>> SnapshotAsync(NpgsqlDataSource dataSource)
    {
        const string sql = """
            select 'table ' || table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable
              from information_schema.columns where table_schema = 'public'
            union all select 'index ' || indexname || ' ' || indexdef from pg_indexes where schemaname = 'public'
            union all select 'function ' || p.proname || ' ' || md5(p.prosrc)
              from pg_proc p join pg_namespace n on n.oid = p.pronamespace where n.nspname = 'public'
            union all select 'query ' || querykey || ' ' || md5(querytext) from orleansquery
            union all select 'version ' || version || ' ' || checksum || ' ' || applied_at from herald_schema_version
            order by 1
            """;
        await using var command = dataSource.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync();
        var lines = new List<string>();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(0));
        }
        return lines;
    }
}
