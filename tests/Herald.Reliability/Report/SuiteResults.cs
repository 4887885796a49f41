using System.Collections.Concurrent;
using System.Globalization;

namespace Herald.Reliability.Report;

/// <summary>Everything a run found: each promise's check, the figures, and evidence (the requests that broke a promise).</summary>
public sealed class SuiteResults
{
    private readonly ConcurrentQueue<Check> _checks = new();
    private readonly ConcurrentQueue<Figure> _figures = new();
    private readonly ConcurrentQueue<(string Title, IReadOnlyList<string> Lines)> _evidence = new();

    public IReadOnlyList<Check> Checks => [.. _checks];
    public IReadOnlyList<Figure> Figures => [.. _figures];
    public IReadOnlyList<(string Title, IReadOnlyList<string> Lines)> Evidence => [.. _evidence];

    public IEnumerable<Check> Failures => _checks.Where(c => !c.Passed);

    /// <summary>Records whether <paramref name="promise"/> held; <paramref name="seen"/> says what the run saw, either way.</summary>
    public void Check(string scenario, string promise, bool passed, string seen)
    {
        _checks.Enqueue(new Check(scenario, promise, passed, seen));
        Console.WriteLine($"  {(passed ? "ok  " : "FAIL")} {scenario}: {promise} — {seen}");
    }

    public void Figure(string scenario, string name, string value)
    {
        _figures.Enqueue(new Figure(scenario, name, value));
        Console.WriteLine($"       {scenario}: {name} = {value}");
    }

    public void Figure(string scenario, string name, double value, string unit, string format = "N0") =>
        Figure(scenario, name, $"{Number(value, format)} {unit}".TrimEnd());

    public void AddEvidence(string title, IReadOnlyList<string> lines)
    {
        if (lines.Count > 0)
        {
            _evidence.Enqueue((title, lines));
        }
    }

    public static string Number(double value, string format = "N0") =>
        double.IsNaN(value) ? "n/a" : value.ToString(format, CultureInfo.InvariantCulture);
}
