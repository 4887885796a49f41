namespace Herald.Reliability.Report;

/// <summary>One promise checked by one scenario, and what the run saw.</summary>
public sealed record Check(string Scenario, string Promise, bool Passed, string Seen);
