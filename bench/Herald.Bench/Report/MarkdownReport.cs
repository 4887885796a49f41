using System.Globalization;
using System.Text;
using Herald.Testing.Reports;

namespace Herald.Bench.Report;

/// <summary>
/// Writes the run's section of docs/benchmarks.md between the bench markers, keeping whatever prose surrounds them,
/// so the analysis written by hand survives a re-run. The machine's speed comes first; every Herald figure follows
/// with its spread over the repetitions and its ratio to the limit measured just before it.
/// </summary>
public static class MarkdownReport
{
    public static readonly GeneratedSection Section = new("bench", "bench/Herald.Bench");

    public static Task WriteAsync(string path, RunReport report) => Section.WriteAsync(path, Render(report), "Benchmarks");

    private static string Render(RunReport report)
    {
        var (options, machine, results) = (report.Options, report.Machine, report.Results);
        var md = new StringBuilder();
        void Line(string text = "") => md.Append(text).Append('\n');
        Line(Invariant($"Run of {machine.Date:yyyy-MM-dd HH:mm} UTC, {(options.Quick ? "**quick (smoke) mode**: figures are indicative only" : "full mode")}, {report.Duration.TotalMinutes:0.0} min{(options.Busy ? "; **--busy**: a CPU burner spun on one core for the whole run" : "")}{(options.Slow is { } slow ? $"; **--slow {slow:0.##}**: the bench, PostgreSQL and Herald shared {slow:P0} of the cores (a CPU quota)" : "")}."));
        Line();
        Line(Invariant($"- **Command**: `{options.Command}`"));
        Line(Invariant($"- **Commit**: {machine.Commit}"));
        Line(Invariant($"- **Machine**: {machine.Cores} cores ({machine.Cpu}), {machine.MemoryGiB:0.0} GiB memory, {machine.Os}; {machine.Dotnet}; {machine.PostgreSql}"));
        Line(Invariant($"- **Load**: 1-minute load average {report.LoadBefore} before and {report.LoadAfter} after the run; during it, {report.Load.Summary}. PostgreSQL, Herald (one co-hosted silo, Release build, shipped settings{Settings(options)}), the receiver and the load generator share these cores."));
        Line();
        Line("### The machine's speed (same run)");
        Line();
        Line("Measured in full at the start and the end, and in a shorter form before each repetition of a scenario group (full mode); each Herald figure below is divided by the one measured just before it.");
        Line();
        Line("| limit | median | spread (min–max, n) | unit |");
        Line("|---|---:|---|---|");
        foreach (var limit in Enum.GetValues<Limit>())
        {
            var (name, unit) = limit.Describe(options.Sizes.Concurrency);
            var runs = new Spread(results.LimitRuns(limit));
            Line(Invariant($"| {name} | {Spread.Format(runs.Median, "N0")} | {runs.Range("N0")}, n = {runs.Count} | {unit} |"));
        }
        Line();
        Line("### Results");
        Line();
        Line("| scenario | figure | value (median) | spread (min–max, n) | unit | ratio (median) | ratio spread | second ratio (median) | target | met? | detail (median repetition) |");
        Line("|---|---|---:|---|---|---:|---|---:|---|---|---|");
        foreach (var f in results.Figures)
        {
            var met = f.Met switch { true => "yes", false => "**no**", null => "" };
            var ratio = f.RatioOf is { } of ? $"{Spread.Format(f.Ratio.Median, "0.00")}× {of.Short()}" : "";
            var ratioSpread = f.RatioOf is null || f.Ratio.Count < 2 ? "" : f.Ratio.Range("0.00");
            var secondary = f.AlsoOf is { } also ? $"{Spread.Format(f.Secondary.Median, "0.00")}× {also.Short()}" : "";
            var spread = f.Value.Count < 2 ? "n = 1" : $"{f.Value.Range(f.Format)}, n = {f.Value.Count}";
            Line(Invariant($"| {f.Scenario} | {f.Name} | {Spread.Format(f.Value.Median, f.Format)} | {spread} | {f.Unit} | {ratio} | {ratioSpread} | {secondary} | {f.Target?.Render(f)} | {met} | {f.Detail} |"));
        }
        Line();
        Line("How to read these figures: the machine's speed above is what this machine did in this run with nothing of Herald in the way; a Herald figure's *ratio* to it is what carries over to a slower or busier machine of this kind (docs/benchmarks.md, \"How to read these figures\"). Targets are on the ratio where one exists. The second ratio of ingest, drain and sustained is to the pipe limit of the same kind (a minimal Herald in a process of its own, bound as Herald is by CPU, commits and hand-offs): the ratio to compare between a busy and a quiet machine. A spread wider than ±20% of the median, or a load of other processes above a few %, says the figure is noise-bound.");
        Line();
        Line("### Functional checks");
        Line();
        if (results.Failures.Count == 0)
        {
            Line("Every delivery arrived; sampled Standard Webhooks signatures verified; strict queues arrived in queue order.");
        }
        foreach (var failure in results.Failures)
        {
            Line(Invariant($"- **FAILED**: {failure}"));
        }
        foreach (var note in results.Notes)
        {
            Line(Invariant($"- {note}"));
        }
        foreach (var (title, lines) in results.Evidence)
        {
            Details.Append(md, title, lines);
        }
        return md.ToString();
    }

    private static string Settings(BenchOptions options) =>
        options.HeraldEnvironment.Count == 0 ? "" : "; with " + string.Join(", ", options.HeraldEnvironment.Select(e => $"`{e.Key}={e.Value}`"));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
