namespace Herald.Bench.Infrastructure;

/// <summary>
/// The start of a measured repetition: CPU used so far, PostgreSQL's statement times and vacuums so far, and Herald's
/// idle memory trims so far (none may run while a repetition loads it).
/// </summary>
public sealed record CpuMark(CpuSample Cpu, StatementTimes Statements, long IdleTrims);
