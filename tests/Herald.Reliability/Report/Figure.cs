namespace Herald.Reliability.Report;

/// <summary>A measured figure of a scenario (counts, times, memory), reported beside the checks.</summary>
public sealed record Figure(string Scenario, string Name, string Value);
