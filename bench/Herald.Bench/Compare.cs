using System.Globalization;
using Herald.Bench.Report;

namespace Herald.Bench;

/// <summary>
/// <c>Herald.Bench compare A.json[,A2.json…] B.json[,B2.json…]</c>: the runs of two builds side by side, figure by
/// figure (matched by key), each as the median of its values over all runs of that build, with B ÷ A for the values
/// and for their ratios to the machine's limits (the figure to trust when the machine's load moved between runs).
/// The last column divides B ÷ A of the values by B ÷ A of the limit's median over each build's whole runs: the
/// limit measured just before a repetition follows the machine's load of that moment but carries the noise of one
/// short measurement, the run's median the machine's speed of the whole run (docs/benchmarks.md, "Busy and quiet
/// machines", compares the two). The last three columns do the same for the second ratio (the pipe limits, for
/// ingest, drain and sustained): the ratios to compare between a busy and a quiet machine.
/// </summary>
public static class Compare
{
    public static int Run(string[] args, TextWriter? output = null)
    {
        var console = output ?? Console.Out;
        if (args.Length != 2)
        {
            throw new ArgumentException($"compare needs two lists of JSON reports. {BenchOptions.Usage}");
        }
        var a = args[0].Split(',', StringSplitOptions.RemoveEmptyEntries).Select(JsonReport.Read).ToList();
        var b = args[1].Split(',', StringSplitOptions.RemoveEmptyEntries).Select(JsonReport.Read).ToList();
        console.WriteLine($"A: {a[0].Commit} ({a.Count} run{(a.Count == 1 ? "" : "s")}); B: {b[0].Commit} ({b.Count} run{(b.Count == 1 ? "" : "s")})");
        foreach (var run in a.Select(r => ("A", r)).Concat(b.Select(r => ("B", r))))
        {
            console.WriteLine($"  {run.Item1} {run.r.Date}: {run.r.LoadSummary}");
        }
        console.WriteLine();
        console.WriteLine("| figure | unit | A | B | B ÷ A | A ratio | B ratio | B ÷ A of ratios | B ÷ A ÷ the limit's run medians | second limit | B ÷ A of second ratios | B ÷ A ÷ the second limit's run medians |");
        console.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|");
        var keys = a.Concat(b).SelectMany(r => r.Figures).Select(f => f.Key).Distinct();
        foreach (var key in keys)
        {
            var fa = a.SelectMany(r => r.Figures).Where(f => f.Key == key).ToList();
            var fb = b.SelectMany(r => r.Figures).Where(f => f.Key == key).ToList();
            var first = fa.Concat(fb).First();
            var (va, vb) = (Median(fa.SelectMany(f => f.Values)), Median(fb.SelectMany(f => f.Values)));
            var change = vb / va;
            var main = Ratios(a, b, fa, fb, first.RatioOf, f => f.Ratios, change);
            // Reports written before the second ratios were stored have none: their side reads n/a.
            var also = fa.Concat(fb).Select(f => f.AlsoOf).FirstOrDefault(name => name is not null);
            var second = Ratios(a, b, fa, fb, also, f => f.Secondary ?? [], change);
            console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {first.Name} | {first.Unit} | {Format(va)} | {Format(vb)} | {Times(change)} | {main.A} | {main.B} | {main.Change} | {main.Adjusted} | {also} | {second.Change} | {second.Adjusted} |"));
        }
        return 0;
    }

    /// <summary>
    /// A figure's ratios to <paramref name="limitName"/> (blank when it has none): each build's median ratio, B ÷ A of
    /// them, and B ÷ A of the values (<paramref name="change"/>) over B ÷ A of the limit's run medians.
    /// </summary>
    private static (string A, string B, string Change, string Adjusted) Ratios(
        List<RunData> a, List<RunData> b, List<FigureData> fa, List<FigureData> fb, string? limitName, Func<FigureData, double[]> ratios, double change)
    {
        if (limitName is null)
        {
            return ("", "", "", "");
        }
        var (ra, rb) = (Median(fa.SelectMany(ratios)), Median(fb.SelectMany(ratios)));
        var machine = RunMedian(b, limitName) / RunMedian(a, limitName);
        return (Format(ra, "0.000") + $"× {limitName}", Format(rb, "0.000") + $"× {limitName}", Times(rb / ra), Times(change / machine));
    }

    /// <summary>The median of a limit (named as figures name it, e.g. "wire") over every measurement of the runs given.</summary>
    private static double RunMedian(IEnumerable<RunData> runs, string limitName)
    {
        var limit = Enum.GetValues<Limit>().First(l => l.Short() == limitName);
        return Median(runs.SelectMany(r => r.Limits.TryGetValue(limit.ToString(), out var values) ? values : []));
    }

    private static double Median(IEnumerable<double> values) => new Spread([.. values.Where(v => !double.IsNaN(v))]).Median;

    private static string Format(double value, string? format = null) =>
        double.IsNaN(value) || double.IsInfinity(value) ? "n/a"
            : value.ToString(format ?? (Math.Abs(value) >= 100 ? "N0" : "0.##"), CultureInfo.InvariantCulture);

    private static string Times(double value) => Format(value, "0.00") + (double.IsNaN(value) || double.IsInfinity(value) ? "" : "×");
}
