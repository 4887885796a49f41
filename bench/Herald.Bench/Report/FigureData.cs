namespace Herald.Bench.Report;

/// <summary>One figure in the JSON report: what <c>compare</c> reads back.</summary>
public sealed record FigureData(string Key, string Scenario, string Name, string Unit, double[] Values, double[] Ratios, string? RatioOf, bool? Met);
