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

    public void AddLimit(Limit limit, double value) => _limits[limit].Add(value);

    /// <summary>
    /// The limit as measured last, i.e. just before the scenario being measured: on a shared machine the limits move
    /// with the neighbours' load, and a ratio means most when both sides saw the same load.
    /// </summary>
    public double Current(Limit limit) => _limits[limit].Count == 0 ? double.NaN : _limits[limit][^1];

    /// <summary>
    /// Adds one repetition's value to the row <paramref name="row"/> describes (the first call with a key adds the row;
    /// later calls with the same key add repetitions to it), its ratios taken against the limits measured last.
    /// </summary>
    public Figure Record(Figure row, double value, string detail = "")
    {
        var figure = _figures.FirstOrDefault(f => f.Key == row.Key);
        if (figure is null)
        {
            _figures.Add(figure = row);
        }
        figure.Add(value, Divide(value, figure.RatioOf), Divide(value, figure.AlsoOf), detail);
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

    private double Divide(double value, Limit? limit) =>
        limit is { } l && Current(l) is var baseline && baseline > 0 && !double.IsNaN(value) ? value / baseline : double.NaN;

    public static string Number(double value, string format = "N0") =>
        double.IsNaN(value) ? "n/a" : value.ToString(format, CultureInfo.InvariantCulture);
}
