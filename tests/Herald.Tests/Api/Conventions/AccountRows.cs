using Herald.Testing.Databases;
using Herald.Tests.Infrastructure;

namespace Herald.Tests.Api.Conventions;

/// <summary>
/// Every place in the database that mentions an id: each text column of each table, counted table by table. Tables
/// added later (scoped keys, portal sessions) are searched too, with no change here.
/// </summary>
public static class AccountRows
{
    /// <summary>For each table, the rows in which some text column contains one of <paramref name="ids"/>.</summary>
    public static async Task<Dictionary<string, long>> MentioningAsync(TestDatabase database, IReadOnlyCollection<string> ids)
    {
        var columns = new List<(string Table, string Column)>();
        await using var dataSource = database.CreateDataSource();
        await using (var command = dataSource.CreateCommand("""
            select table_name, column_name from information_schema.columns
            where table_schema = 'public' and data_type in ('text', 'character varying')
            order by table_name, column_name
            """))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                columns.Add((reader.GetString(0), reader.GetString(1)));
            }
        }
        var counts = new Dictionary<string, long>();
        foreach (var table in columns.GroupBy(c => c.Table))
        {
            // Identifiers come from the catalog, quoted; the ids travel as a parameter.
            var mentions = string.Join(" or ", table.Select(c => $"position(id in \"{c.Column}\") > 0"));
            await using var count = dataSource.Command(
                $"select count(*) from \"{table.Key}\" t where exists (select 1 from unnest(@ids) id where {mentions})", ("ids", ids.ToArray()));
            counts[table.Key] = (long)(await count.ExecuteScalarAsync())!;
        }
        return counts;
    }
}
