namespace Herald.Bench.Report;

/// <summary>A run in the JSON report (<c>--json FILE</c>): where and how it ran, the limits as measured, the figures.</summary>
public sealed record RunData(
    string Date,
    string Commit,
    string Api,
    string Command,
    bool Quick,
    bool Busy,
    string LoadSummary,
    double OthersShare,
    Dictionary<string, double[]> Limits,
    List<FigureData> Figures,
    double? Slow = null);
