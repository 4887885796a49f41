namespace Herald.Cli;

/// <summary>A plain text table: a header, then rows, columns padded to their widest cell.</summary>
public static class Table
{
    public static void Write(TextWriter output, IReadOnlyList<string> columns, IReadOnlyList<string[]> rows)
    {
        var widths = columns.Select((c, i) => rows.Select(r => r[i].Length).Append(c.Length).Max()).ToArray();
        void Line(IReadOnlyList<string> cells) =>
            output.WriteLine(string.Join("  ", cells.Select((cell, i) => i == cells.Count - 1 ? cell : cell.PadRight(widths[i]))).TrimEnd());
        Line([.. columns.Select(c => c.ToUpperInvariant())]);
        foreach (var row in rows)
        {
            Line(row);
        }
    }
}
