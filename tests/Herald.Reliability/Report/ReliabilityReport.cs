using System.Globalization;
using System.Text;
using Herald.Testing.Reports;

namespace Herald.Reliability.Report;

/// <summary>
/// Writes a run's section of docs/reliability.md between its markers: the run's circumstances, each promise with
/// what the run saw, the figures, and the evidence of every broken promise. The prose around the markers stays.
/// </summary>
public static class ReliabilityReport
{
    public static readonly GeneratedSection Section = new("reliability", "tests/Herald.Reliability");

    public static Task WriteAsync(string path, SuiteOptions options, Machine machine, SuiteResults results, string loadBefore, string loadAfter, TimeSpan duration) =>
        Section.WriteAsync(path, Render(options, machine, results, loadBefore, loadAfter, duration), "Reliability");

    private static string Render(SuiteOptions options, Machine machine, SuiteResults results, string loadBefore, string loadAfter, TimeSpan duration)
    {
        var md = new StringBuilder();
        var failed = results.Failures.Count();
        var verdict = failed == 0 ? $"**all {results.Checks.Count} checks held**." : $"**{failed} of {results.Checks.Count} checks failed**.";
        var mode = options.Quick ? "**quick mode** (shortened scenarios, side by side)" : "full mode";
        md.AppendLine(CultureInfo.InvariantCulture,
            $"Run of {machine.Date:yyyy-MM-dd HH:mm} UTC, {mode}, {duration.TotalMinutes:0.0} min, hostile requests from seed {options.Seed}: {verdict}");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"- **Command**: `{options.Command}`");
        md.AppendLine(CultureInfo.InvariantCulture, $"- **Commit**: {machine.Commit}");
        md.AppendLine(CultureInfo.InvariantCulture, $"- **Machine**: {machine.Cores} cores ({machine.Cpu}), {machine.MemoryGiB:0.0} GiB memory, {machine.Os}; {machine.Dotnet}; {machine.PostgreSql}");
        md.AppendLine(CultureInfo.InvariantCulture,
            $"- **Load average** (1 min) before / after the run: {loadBefore} / {loadAfter}. Herald's processes, PostgreSQL, the receivers and the load generators share these cores with other work.");
        md.AppendLine();
        md.AppendLine("### Checks");
        md.AppendLine();
        md.AppendLine("| scenario | promise | result | what the run saw |");
        md.AppendLine("|---|---|---|---|");
        foreach (var check in results.Checks.OrderBy(c => c.Scenario, StringComparer.Ordinal))
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| {check.Scenario} | {Cell(check.Promise)} | {(check.Passed ? "held" : "**FAILED**")} | {Cell(check.Seen)} |");
        }
        md.AppendLine();
        md.AppendLine("### Figures");
        md.AppendLine();
        md.AppendLine("| scenario | figure | value |");
        md.AppendLine("|---|---|---:|");
        foreach (var figure in results.Figures.OrderBy(f => f.Scenario, StringComparer.Ordinal))
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| {figure.Scenario} | {Cell(figure.Name)} | {Cell(figure.Value)} |");
        }
        foreach (var (title, lines) in results.Evidence)
        {
            Details.Append(md, title, lines);
        }
        return md.ToString();
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
