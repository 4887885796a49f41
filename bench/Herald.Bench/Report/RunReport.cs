using Herald.Testing.Reports;

namespace Herald.Bench.Report;

/// <summary>What a report is written from: the run's options, machine, results and load.</summary>
public sealed record RunReport(
    BenchOptions Options, Machine Machine, RunResults Results, MachineLoad Load, string LoadBefore, string LoadAfter, TimeSpan Duration);
