using Npgsql;

namespace Herald.Grains.Storage;

/// <summary>Reads one page of a list ordered newest first by its time-ordered id: up to the limit, and the cursor of the next page (the last id shown).</summary>
public static class IdPage
{
    /// <param name="command">The list's query, limited to <paramref name="limit"/> + 1 rows (the extra one says there is more); disposed here.</param>
    public static async Task<(IReadOnlyList<T> Page, string? NextCursor)> ReadAsync<T>(
        NpgsqlCommand command, int limit, Func<NpgsqlDataReader, T> read, Func<T, string> idOf, CancellationToken cancellationToken)
    {
        await using var owned = command;
        var rows = new List<T>(limit + 1);
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add(read(reader));
            }
        }
        if (rows.Count <= limit)
        {
            return (rows, null);
        }
        rows.RemoveAt(limit);
        return (rows, idOf(rows[^1]));
    }
}
