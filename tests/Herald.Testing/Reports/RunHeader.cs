using System.Globalization;
using System.Text;

namespace Herald.Testing.Reports;

/// <summary>The lines that open a generated report: when, in which mode, with which command, on which commit and machine, under what load.</summary>
public static class RunHeader
{
    /// <param name="summary">What follows "Run of &lt;date&gt; UTC, ": the mode, the duration and, where there is one, the verdict.</param>
    /// <param name="sharing">What shares the machine's cores during the run, said after the load figures.</param>
    public static void Append(StringBuilder md, Machine machine, string summary, string command, string loadBefore, string loadAfter, string sharing)
    {
        md.AppendLine(CultureInfo.InvariantCulture, $"Run of {machine.Date:yyyy-MM-dd HH:mm} UTC, {summary}");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"- **Command**: `{command}`");
        md.AppendLine(CultureInfo.InvariantCulture, $"- **Commit**: {machine.Commit}");
        md.AppendLine(CultureInfo.InvariantCulture, $"- **Machine**: {machine.Cores} cores ({machine.Cpu}), {machine.MemoryGiB:0.0} GiB memory, {machine.Os}; {machine.Dotnet}; {machine.PostgreSql}");
        md.AppendLine(CultureInfo.InvariantCulture, $"- **Load average** (1 min) before / after the run: {loadBefore} / {loadAfter}. {sharing}");
        md.AppendLine();
    }
}
