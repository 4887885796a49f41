namespace Herald.Tests.Portal;

/// <summary>
/// A measurement, not a test: skipped unless HERALD_PORTAL_BENCH=1 (scripts/portal-bench.sh sets it), so
/// scripts/test.sh lists it as skipped and spends no minutes seeding for it.
/// </summary>
public sealed class PortalBenchmarkFactAttribute : FactAttribute
{
    public const string Variable = "HERALD_PORTAL_BENCH";

    public PortalBenchmarkFactAttribute()
    {
        if (Environment.GetEnvironmentVariable(Variable) != "1")
        {
            Skip = $"a measurement: run scripts/portal-bench.sh ({Variable}=1)";
        }
    }
}
