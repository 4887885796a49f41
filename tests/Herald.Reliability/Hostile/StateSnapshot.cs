using System.Text.RegularExpressions;
using Npgsql;

namespace Herald.Reliability.Hostile;

/// <summary>
/// Everything the two accounts' resources show (read with the admin key) and the content of Herald's tables and
/// grain state (a row count and an MD5 of the rows per table): two equal snapshots mean nothing changed in between.
/// </summary>
public sealed partial class StateSnapshot
{
    private readonly SortedDictionary<string, string> _parts = new(StringComparer.Ordinal);

    private StateSnapshot()
    {
    }

    public static async Task<StateSnapshot> TakeAsync(HttpClient admin, string connectionString, Targets t)
    {
        var snapshot = new StateSnapshot();
        foreach (var (account, webhook, eventId) in new[] { (t.AccountA, t.WebhookA, t.EventA), (t.AccountB, t.WebhookB, t.EventB) })
        {
            foreach (var path in new[]
            {
                $"/v1/accounts/{account}", $"/v1/webhooks?account_id={account}&limit=250", $"/v1/webhooks/{webhook}",
                $"/v1/webhooks/{webhook}/deliveries?limit=250", $"/v1/webhooks/{webhook}/attempts?limit=250",
                $"/v1/events/{eventId}?account_id={account}", $"/v1/accounts/{account}/keys",
            })
            {
                using var response = await admin.GetAsync(path);
                snapshot._parts["GET " + path] = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
            }
        }
        snapshot._parts["GET /v1/event-types"] = await admin.GetStringAsync("/v1/event-types?limit=250");
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        foreach (var table in await TablesAsync(connection))
        {
            // A table name from the catalog, checked to be a plain identifier, since it cannot be a parameter.
            await using var command = new NpgsqlCommand(
                $"select count(*)::text || ' rows, md5 ' || coalesce(md5(string_agg(t::text, '|' order by t::text)), '-') from \"{table}\" t", connection);
            snapshot._parts["table " + table] = (string)(await command.ExecuteScalarAsync())!;
        }
        return snapshot;
    }

    /// <summary>What differs from <paramref name="other"/>, one line per part, values cut to a readable length.</summary>
    public IReadOnlyList<string> Differences(StateSnapshot other) => [.. _parts.Keys.Union(other._parts.Keys)
        .Where(key => _parts.GetValueOrDefault(key) != other._parts.GetValueOrDefault(key))
        .Select(key => $"{key}: {Cut(_parts.GetValueOrDefault(key))} → {Cut(other._parts.GetValueOrDefault(key))}")];

    public int Parts => _parts.Count;

    private static async Task<List<string>> TablesAsync(NpgsqlConnection connection)
    {
        // Herald's own tables and grain state; not Orleans' membership and reminder tables, which a running silo writes on its own.
        await using var command = new NpgsqlCommand(
            "select table_name from information_schema.tables where table_schema = 'public' and (table_name like 'herald\\_%' or table_name = 'orleansstorage') order by 1",
            connection);
        var tables = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var name = reader.GetString(0);
            tables.Add(Identifier().IsMatch(name) ? name : throw new InvalidOperationException($"Unexpected table name {name}"));
        }
        return tables;
    }

    private static string Cut(string? text) => text is null ? "(none)" : text.Length <= 300 ? text : text[..300] + "…";

    [GeneratedRegex("^[a-z_][a-z0-9_]*$")]
    private static partial Regex Identifier();
}
