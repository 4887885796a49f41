namespace Herald.Reliability;

/// <summary>
/// How long and how hard each scenario runs. Full mode has the durations of issue 11; quick mode (CI) shortens
/// each so that the four together end within about three minutes on two busy cores.
/// </summary>
/// <param name="RecoverySweep">
/// The recovery sweep's period and grace where they are not the shipped 1 min and 30 s: the sweep is the backstop that
/// wakes an endpoint no publish and no reminder woke, and a run waits for it before it calls a delivery lost.
/// </param>
/// <param name="DeliveryStall">How long a scenario waits with no delivery arriving before it calls what is missing lost.</param>
public sealed record SuiteSizes(
    int ChaosStrictWebhooks,
    int ChaosConcurrentWebhooks,
    int ChaosEvents,
    TimeSpan OutageSteady,
    TimeSpan Outage,
    int OutageRate,
    TimeSpan KillRun,
    TimeSpan KillEvery,
    int KillRate,
    int HostileRequests,
    int HostileSlowBodies,
    TimeSpan? RecoverySweep,
    TimeSpan DeliveryStall,
    TimeSpan Limit)
{
    public static readonly SuiteSizes Full = new(
        ChaosStrictWebhooks: 4,
        ChaosConcurrentWebhooks: 4,
        ChaosEvents: 200,
        OutageSteady: TimeSpan.FromSeconds(15),
        Outage: TimeSpan.FromSeconds(15),
        OutageRate: 100,
        KillRun: TimeSpan.FromMinutes(3),
        KillEvery: TimeSpan.FromSeconds(20),
        KillRate: 50,
        HostileRequests: 5_000,
        HostileSlowBodies: 12,
        RecoverySweep: null,
        DeliveryStall: TimeSpan.FromSeconds(100),
        Limit: TimeSpan.FromMinutes(30));

    public static readonly SuiteSizes Quick = new(
        ChaosStrictWebhooks: 2,
        ChaosConcurrentWebhooks: 2,
        ChaosEvents: 24,
        OutageSteady: TimeSpan.FromSeconds(4),
        Outage: TimeSpan.FromSeconds(6),
        OutageRate: 100,
        KillRun: TimeSpan.FromSeconds(35),
        KillEvery: TimeSpan.FromSeconds(15),
        KillRate: 30,
        HostileRequests: 2_000,
        HostileSlowBodies: 3,
        RecoverySweep: TimeSpan.FromSeconds(10),
        DeliveryStall: TimeSpan.FromSeconds(30),
        Limit: TimeSpan.FromMinutes(5));
}
