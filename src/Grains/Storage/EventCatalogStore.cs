using Npgsql;

namespace Herald.Grains.Storage;

/// <summary>The event catalog in <c>herald_event_types</c>.</summary>
public sealed class EventCatalogStore(NpgsqlDataSource dataSource)
{
    private const string Columns = "event_type, description, category, schema_json, deprecated, created_at, updated_at, example_json";

    /// <summary>Creates or replaces a type; answers the stored row and whether it was new.</summary>
    public async Task<(EventTypeRecord Record, bool Created)> PutAsync(
        string type, string description, string? category, string? schemaJson, bool deprecated, string? exampleJson = null,
        CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand($"""
            insert into herald_event_types (event_type, description, category, schema_json, deprecated, example_json)
            values (@type, @description, @category, @schema, @deprecated, @example)
            on conflict (event_type) do update
            set description = excluded.description, category = excluded.category, schema_json = excluded.schema_json,
                deprecated = excluded.deprecated, example_json = excluded.example_json, updated_at = now()
            returning {Columns}, (xmax = 0) as inserted
            """);
        command.Parameters.AddWithValue("type", type);
        command.Parameters.AddWithValue("description", description);
        command.Parameters.Add(new NpgsqlParameter<string?>("category", category));
        command.Parameters.Add(new NpgsqlParameter<string?>("schema", schemaJson));
        command.Parameters.AddWithValue("deprecated", deprecated);
        command.Parameters.Add(new NpgsqlParameter<string?>("example", exampleJson));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (Read(reader), reader.GetBoolean(8));
    }

    public async Task<EventTypeRecord?> GetAsync(string type, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand($"select {Columns} from herald_event_types where event_type = @type");
        command.Parameters.AddWithValue("type", type);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    /// <summary>Types in name order after <paramref name="cursor"/>, optionally of one category; the next cursor or null.</summary>
    public async Task<(IReadOnlyList<EventTypeRecord> Page, string? NextCursor)> ListAsync(
        int limit, string? cursor, string? category, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand($"""
            select {Columns} from herald_event_types
            where (@cursor::text is null or event_type > @cursor::text) and (@category::text is null or category = @category::text)
            order by event_type
            limit @limit
            """);
        command.Parameters.Add(new NpgsqlParameter<string?>("cursor", cursor));
        command.Parameters.Add(new NpgsqlParameter<string?>("category", category));
        command.Parameters.AddWithValue("limit", limit + 1);
        var rows = await ReadAllAsync(command, cancellationToken);
        if (rows.Count <= limit)
        {
            return (rows, null);
        }
        rows.RemoveAt(limit);
        return (rows, rows[^1].Type);
    }

    /// <summary>The whole catalog, for the API's in-memory copy.</summary>
    public async Task<IReadOnlyList<EventTypeRecord>> AllAsync(CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand($"select {Columns} from herald_event_types");
        return await ReadAllAsync(command, cancellationToken);
    }

    private static async Task<List<EventTypeRecord>> ReadAllAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var rows = new List<EventTypeRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(Read(reader));
        }
        return rows;
    }

    private static EventTypeRecord Read(NpgsqlDataReader reader) => new(
        reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2),
        reader.IsDBNull(3) ? null : reader.GetString(3), reader.GetBoolean(4),
        reader.GetFieldValue<DateTimeOffset>(5), reader.GetFieldValue<DateTimeOffset>(6), reader.IsDBNull(7) ? null : reader.GetString(7));
}
