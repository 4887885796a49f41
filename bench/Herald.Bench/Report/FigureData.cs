namespace Herald.Bench.Report;

/// <summary>
/// One figure in the JSON report: what <c>compare</c> reads back. <see cref="Secondary"/> and <see cref="AlsoOf"/>
/// (the second ratios and their limit) are absent from reports written before the pipe limits, and read as null.
/// </summary>
public sealed record FigureData(
    string Key, string Scenario, string Name, string Unit, double[] Values, double[] Ratios, string? RatioOf, bool? Met,
    double[]? Secondary = null, string? AlsoOf = null);
