namespace Herald.Bench.Infrastructure;

/// <summary>The start of a measured repetition: CPU used so far, and PostgreSQL's statement times and vacuums so far.</summary>
public sealed record CpuMark(CpuSample Cpu, StatementTimes Statements);
