using System.Globalization;
using System.Text;
using Herald.Testing.Reports;

namespace Herald.Bench.Report;

/// <summary>
/// Writes the run's section of docs/benchmarks.md between the bench markers, keeping whatever prose surrounds them,
/// so the analysis written by hand survives a re-run.
/// </summary>
public static class MarkdownReport
{
    public static readonly GeneratedSection Section = new("bench", "bench/Herald.Bench");

    public static Task WriteAsync(string path, BenchOptions options, Machine machine, RunResults results, string loadBefore, string loadAfter, TimeSpan duration) =>
        Section.WriteAsync(path, Render(options, machine, results, loadBefore, loadAfter, duration), "Benchmarks");

    private static string Render(BenchOptions options, Machine machine, RunResults results, string loadBefore, string loadAfter, TimeSpan duration)
    {
        var md = new StringBuilder();
        RunHeader.Append(md, machine,
            $"{(options.Quick ? "**quick (smoke) mode**: figures are indicative only" : "full mode")}, {duration.TotalMinutes.ToString("0.0", CultureInfo.InvariantCulture)} min.",
            options.Command, loadBefore, loadAfter,
            "PostgreSQL, Herald (one co-hosted silo, Release build, shipped settings), the receiver and the load generator share these cores.");
        md.AppendLine("### Baselines (same run)");
        md.AppendLine();
        md.AppendLine("| baseline | value | runs |");
        md.AppendLine("|---|---:|---|");
        Baseline(md, $"wire limit: plain HttpClient → receiver, same signed bodies, concurrency {options.Sizes.Concurrency}", results.WireRuns, "requests/s");
        Baseline(md, "database limit, ingest: event row + delivery row, batches of 512 (`insert … select unnest`), 4 connections", results.DatabaseIngestRuns, "events/s");
        Baseline(md, "database limit, delivery: attempt row + delivery update, batches of 512, 4 connections", results.DatabaseDeliveryRuns, "deliveries/s");
        Baseline(md, "the same, one statement and commit per delivery, 16 connections (the shape of Herald's drain loop)", results.DatabaseSingleCommitRuns, "deliveries/s");
        md.AppendLine();
        md.AppendLine("### Results");
        md.AppendLine();
        md.AppendLine("| scenario | figure | value | unit | × wire | × database | target | met? |");
        md.AppendLine("|---|---|---:|---|---:|---:|---|---|");
        foreach (var f in results.Figures)
        {
            var met = f.Met switch { true => "yes", false => "**no**", null => "" };
            md.AppendLine(CultureInfo.InvariantCulture, $"| {f.Scenario} | {f.Name} | {f.Value} | {f.Unit} | {f.VsWire} | {f.VsDatabase} | {f.Target} | {met} |");
        }
        md.AppendLine();
        md.AppendLine("× wire: the figure divided by the wire limit above; × database: divided by the matching database limit (ingest figures by the ingest limit, delivery figures by the delivery limit).");
        md.AppendLine();
        md.AppendLine("### Functional checks");
        md.AppendLine();
        if (results.Failures.Count == 0)
        {
            md.AppendLine("Every delivery arrived; sampled Standard Webhooks signatures verified; strict queues arrived in queue order.");
        }
        foreach (var failure in results.Failures)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"- **FAILED**: {failure}");
        }
        foreach (var note in results.Notes)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"- {note}");
        }
        foreach (var (title, lines) in results.Evidence)
        {
            Details.Append(md, title, lines);
        }
        return md.ToString();
    }

    private static void Baseline(StringBuilder md, string name, List<double> runs, string unit)
    {
        var value = runs.Count == 0 ? "n/a" : runs.Average().ToString("N0", CultureInfo.InvariantCulture) + " " + unit;
        md.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {value} | {string.Join(", ", runs.Select(r => r.ToString("N0", CultureInfo.InvariantCulture)))} |");
    }
}
