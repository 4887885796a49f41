namespace Herald.Bench.Infrastructure;

/// <summary>
/// Herald's running totals that a measured repetition is checked against, from one reading of its <c>/metrics</c>:
/// its idle memory trims (none may run while a repetition loads it) and the time its JIT compiler spent (the part of
/// Herald's CPU that a longer-lived process would not pay again).
/// </summary>
public readonly record struct HeraldMarks(long IdleTrims, TimeSpan Jit);
