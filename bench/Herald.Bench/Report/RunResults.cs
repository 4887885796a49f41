using System.Globalization;

namespace Herald.Bench.Report;

/// <summary>Everything a run found: the limits as measured, figures, functional failures, and evidence for the write-up.</summary>
public sealed class RunResults
{
    private readonly List<Figure> _figures = [];
    private readonly Dictionary<Limit, List<double>> _limits = Enum.GetValues<Limit>().ToDictionary(l => l, _ => new List<double>());

    public IReadOnlyList<Figure> Figures => _figures;
    public List<string> Failures { get; } = [];
    public List<string> Notes { get; } = [];

    /// <summary>Titled blocks of evidence (plans, memory readings) printed under the table.</summary>
    public List<(string Title, IReadOnlyList<string> Lines)> Evidence { get; } = [];

    /// <summary>Every measurement of a limit in this run, in order.</summary>
    public IReadOnlyList<double> LimitRuns(Limit limit) => _limits[limit];

    /// <summary>
    /// A new measurement of <paramref name="limit"/>: the repetitions recorded since the one before it take their ratio
    /// to the geometric mean of the two. The machine's speed drifts within a run (the wire at concurrency 64 went
    /// from 13,683 to 33,515 requests/s in one quiet run): a measurement on each side of a repetition estimates the
    /// speed during it better than the one before alone, which left the ratios of one run spread wider than the
    /// values themselves (docs/benchmarks.md, "Ratios to the limits around each repetition").
    /// </summary>
    public void AddLimit(Limit limit, double value)
    {
        var runs = _limits[limit];
        runs.Add(value);
        if (runs.Count >= 2 && runs[^2] > 0 && value > 0)
        {
            var around = Math.Sqrt(runs[^2] * value);
            foreach (var figure in _figures)
            {
                figure.Bracket(limit, runs.Count - 2, around);
            }
        }
    }

    /// <summary>
    /// The limit as measured last, i.e. just before the scenario being measured (until the next measurement brackets
    /// it): on a shared machine the limits move with the neighbours' load, and a ratio means most when both sides saw
    /// the same load.
    /// </summary>
    public double Current(Limit limit) => _limits[limit].Count == 0 ? double.NaN : _limits[limit][^1];

    /// <summary>
    /// Adds one repetition's value to the row <paramref name="row"/> describes (the first call with a key adds the row;
    /// later calls with the same key add repetitions to it), its ratios taken against the limits measured last (and
    /// bracketed by the next measurement, <see cref="AddLimit"/>).
    /// </summary>
    public Figure Record(Figure row, double value, string detail = "")
    {
        var figure = _figures.FirstOrDefault(f => f.Key == row.Key);
        if (figure is null)
        {
            _figures.Add(figure = row);
        }
        figure.Add(value, Divide(value, figure.RatioOf), Measured(figure.RatioOf), Divide(value, figure.AlsoOf), Measured(figure.AlsoOf), detail);
        var ratio = figure.RatioOf is { } limit ? $" = {Spread.Format(Divide(value, limit), "0.00")}× {limit.Short()}" : "";
        var also = figure.AlsoOf is { } second ? $", {Spread.Format(Divide(value, second), "0.00")}× {second.Short()}" : "";
        Console.WriteLine($"  {figure.Scenario} | {figure.Name}: {Spread.Format(value, figure.Format)} {figure.Unit}{ratio}{also}{(detail.Length > 0 ? $" ({detail})" : "")}");
        return figure;
    }

    public void Fail(string failure)
    {
        Failures.Add(failure);
        Console.WriteLine($"  FAILURE: {failure}");
    }

    private int Measured(Limit? limit) => limit is { } l ? _limits[l].Count - 1 : -1;

    private double Divide(double value, Limit? limit) =>
        limit is { } l && Current(l) is var baseline && baseline > 0 && !double.IsNaN(value) ? value / baseline : double.NaN;

    public static string Number(double value, string format = "N0") =>
        double.IsNaN(value) ? "n/a" : value.ToString(format, CultureInfo.InvariantCulture);
}
