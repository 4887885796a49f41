namespace Herald.Bench.Report;

/// <summary>One row of the results table.</summary>
public sealed record Figure(
    string Scenario,
    string Name,
    string Value,
    string Unit,
    string VsWire = "",
    string VsDatabase = "",
    string Target = "",
    bool? Met = null);
