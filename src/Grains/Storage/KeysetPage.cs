using Npgsql;

namespace Herald.Grains.Storage;

/// <summary>
/// Reads one page of a list ordered newest first, by (time, id) or by a time-ordered id alone: up to the limit, and
/// the cursor of the next page (the place of the last row shown).
/// </summary>
public static class KeysetPage
{
    /// <param name="command">The list's query, limited to <paramref name="limit"/> + 1 rows (the extra one says there is more); disposed here.</param>
    public static Task<(IReadOnlyList<T> Page, string? NextCursor)> ReadAsync<T>(
        NpgsqlCommand command, int limit, Func<NpgsqlDataReader, T> read, Func<T, KeysetCursor> placeOf, CancellationToken cancellationToken) =>
        ReadAsync(command, limit, read, row => placeOf(row).ToString(), cancellationToken);

    /// <param name="command">The list's query, limited to <paramref name="limit"/> + 1 rows (the extra one says there is more); disposed here.</param>
    /// <param name="cursorOf">The cursor that names a row's place, e.g. its id when the id orders the list.</param>
    public static async Task<(IReadOnlyList<T> Page, string? NextCursor)> ReadAsync<T>(
        NpgsqlCommand command, int limit, Func<NpgsqlDataReader, T> read, Func<T, string> cursorOf, CancellationToken cancellationToken)
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
        return (rows, cursorOf(rows[^1]));
    }
}
