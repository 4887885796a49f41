using System.Text.Json;
using System.Text.Json.Serialization;
using Herald.Client;

namespace Herald.Cli;

/// <summary>Writes an answer as indented JSON (snake_case, as Herald wrote it) or as a table of its plain fields.</summary>
public static class Printer
{
    // Nulls are written: "description": null is what Herald answered (a field the client does not name is kept too).
    public static readonly JsonSerializerOptions Options = new(HeraldJson.Options) { DefaultIgnoreCondition = JsonIgnoreCondition.Never };

    private static readonly JsonSerializerOptions Indented = new(Options) { WriteIndented = true };

    public static void Write(TextWriter output, object? value, OutputFormat format)
    {
        if (value is null)
        {
            return;
        }
        var json = JsonSerializer.SerializeToElement(value, value.GetType(), Options);
        if (format == OutputFormat.Json)
        {
            output.WriteLine(JsonSerializer.Serialize(json, Indented));
            return;
        }
        var rows = json.ValueKind == JsonValueKind.Object && json.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Array
            ? data.EnumerateArray().ToList()
            : json.ValueKind == JsonValueKind.Array ? json.EnumerateArray().ToList() : null;
        if (rows is null)
        {
            Table.Write(output, ["field", "value"], Scalars(json).Select(p => new[] { p.Key, p.Value }).ToList());
            return;
        }
        var columns = rows.Count == 0 ? [] : Scalars(rows[0]).Select(p => p.Key).ToArray();
        Table.Write(output, columns, rows.Select(r => columns.Select(c => Cell(r, c)).ToArray()).ToList());
    }

    private static IEnumerable<KeyValuePair<string, string>> Scalars(JsonElement item) =>
        item.ValueKind != JsonValueKind.Object ? [new("value", item.ToString())]
            : item.EnumerateObject()
                .Where(p => p.Value.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array) || IsList(p.Value))
                .Select(p => new KeyValuePair<string, string>(p.Name, Text(p.Value)));

    private static bool IsList(JsonElement value) =>
        value.ValueKind == JsonValueKind.Array && value.EnumerateArray().All(v => v.ValueKind == JsonValueKind.String);

    private static string Cell(JsonElement row, string column) =>
        row.ValueKind == JsonValueKind.Object && row.TryGetProperty(column, out var value) ? Text(value) : "";

    private static string Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null => "",
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Array => string.Join(",", value.EnumerateArray().Select(v => v.ToString())),
        _ => value.GetRawText(),
    };
}
