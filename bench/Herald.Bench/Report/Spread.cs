using System.Globalization;
using Herald.Bench.Infrastructure;

namespace Herald.Bench.Report;

/// <summary>The values of one figure over a run's repetitions: its median and its range.</summary>
public sealed record Spread(IReadOnlyList<double> Values)
{
    public int Count => Values.Count;
    public double Median => Stats.Median(Values);
    public double Min => Values.Count == 0 ? double.NaN : Values.Min();
    public double Max => Values.Count == 0 ? double.NaN : Values.Max();

    /// <summary>(max − min) ÷ median: how far apart the repetitions were.</summary>
    public double Width => Count < 2 || Median == 0 ? double.NaN : (Max - Min) / Median;

    /// <summary>"7,764" for one value; "7,764 (7,245–9,077, n = 3)" for several.</summary>
    public string Render(string format) => Count switch
    {
        0 => "n/a",
        1 => Format(Median, format),
        _ => $"{Format(Median, format)} ({Range(format)}, n = {Count})",
    };

    public string Range(string format) => Count == 0 ? "" : $"{Format(Min, format)}–{Format(Max, format)}";

    public static string Format(double value, string format) =>
        double.IsNaN(value) ? "n/a" : value.ToString(format, CultureInfo.InvariantCulture);
}
