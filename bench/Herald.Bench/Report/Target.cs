using System.Globalization;

namespace Herald.Bench.Report;

/// <summary>
/// A figure's target: a bound on its median, or (where the figure has one) on the median of its ratio to the limit
/// measured beside it. <see cref="Source"/> says where the bound comes from (docs/benchmarks.md translates the
/// absolute targets of the issues into ratios).
/// </summary>
public sealed record Target(bool OnRatio, bool AtLeast, double Bound, string Source = "")
{
    public static Target RatioAtLeast(double bound, string source = "") => new(true, true, bound, source);
    public static Target RatioAtMost(double bound, string source = "") => new(true, false, bound, source);
    public static Target AtLeastValue(double bound, string source = "") => new(false, true, bound, source);
    public static Target AtMostValue(double bound, string source = "") => new(false, false, bound, source);

    public bool? Met(Figure figure)
    {
        var value = OnRatio ? figure.Ratio.Median : figure.Value.Median;
        return double.IsNaN(value) ? null : AtLeast ? value >= Bound : value <= Bound;
    }

    public string Render(Figure figure)
    {
        var bound = Bound.ToString(OnRatio ? "0.00" : "#,0.##", CultureInfo.InvariantCulture);
        var text = OnRatio && figure.RatioOf is { } limit ? $"{(AtLeast ? "≥" : "≤")} {bound}× {limit.Short()}" : $"{(AtLeast ? "≥" : "≤")} {bound}";
        return Source.Length == 0 ? text : $"{text} ({Source})";
    }
}
