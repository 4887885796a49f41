using System.Globalization;

namespace Herald.Bench.Report;

/// <summary>Everything a run found: figures, baselines, functional failures, and evidence for the write-up.</summary>
public sealed class RunResults
{
    public List<Figure> Figures { get; } = [];
    public List<string> Failures { get; } = [];
    public List<string> Notes { get; } = [];

    /// <summary>Titled blocks of evidence (plans, profiles) printed under the table.</summary>
    public List<(string Title, IReadOnlyList<string> Lines)> Evidence { get; } = [];

    /// <summary>Plain HttpClient → receiver requests/s at the bench's concurrency (mean of the runs).</summary>
    public List<double> WireRuns { get; } = [];

    /// <summary>Events (event row + delivery row) per second written straight to PostgreSQL in batches.</summary>
    public List<double> DatabaseIngestRuns { get; } = [];

    /// <summary>Deliveries (attempt row + delivery update) per second written straight to PostgreSQL in batches.</summary>
    public List<double> DatabaseDeliveryRuns { get; } = [];

    /// <summary>The same, one statement and one commit per delivery over 16 connections: the shape of Herald's drain loop.</summary>
    public List<double> DatabaseSingleCommitRuns { get; } = [];

    // A figure's ratios use the baselines measured last, i.e. just before its scenario: on a shared machine the
    // limits move with the neighbours' load, and a ratio means most when both sides saw the same load.
    public double Wire => WireRuns.Count == 0 ? double.NaN : WireRuns[^1];
    public double DatabaseIngest => DatabaseIngestRuns.Count == 0 ? double.NaN : DatabaseIngestRuns[^1];
    public double DatabaseDelivery => DatabaseDeliveryRuns.Count == 0 ? double.NaN : DatabaseDeliveryRuns[^1];

    public void Add(Figure figure)
    {
        Figures.Add(figure);
        Console.WriteLine($"  {figure.Scenario} | {figure.Name}: {figure.Value} {figure.Unit} {figure.VsWire} {figure.VsDatabase} {(figure.Met is { } met ? (met ? "[target met]" : "[target missed]") : "")}");
    }

    public void Fail(string failure)
    {
        Failures.Add(failure);
        Console.WriteLine($"  FAILURE: {failure}");
    }

    public static string Ratio(double value, double baseline) =>
        double.IsNaN(baseline) || baseline <= 0 || double.IsNaN(value) ? "" : (value / baseline).ToString("0.00", CultureInfo.InvariantCulture) + "×";

    public static string Number(double value, string format = "N0") =>
        double.IsNaN(value) ? "n/a" : value.ToString(format, CultureInfo.InvariantCulture);
}
