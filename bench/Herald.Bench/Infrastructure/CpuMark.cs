namespace Herald.Bench.Infrastructure;

/// <summary>
/// The start of a measured repetition: CPU used so far, PostgreSQL's statement times and vacuums so far, and Herald's
/// idle trims and JIT time so far.
/// </summary>
public sealed record CpuMark(CpuSample Cpu, StatementTimes Statements, HeraldMarks Herald);
