using System.Text;

namespace Herald.Testing.Reports;

/// <summary>A folded block of Markdown: a title that opens to verbatim lines (profiles, plans, failing requests).</summary>
public static class Details
{
    public static void Append(StringBuilder md, string title, IEnumerable<string> lines)
    {
        md.AppendLine();
        md.Append("<details><summary>").Append(title).AppendLine("</summary>");
        md.AppendLine();
        md.AppendLine("```");
        foreach (var line in lines)
        {
            md.AppendLine(line);
        }
        md.AppendLine("```");
        md.AppendLine();
        md.AppendLine("</details>");
    }
}
