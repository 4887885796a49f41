namespace Herald.Bench;

/// <summary>How much work each scenario does; the quick mode is a smoke test that ends within a minute.</summary>
public sealed record Sizes(
    int Concurrency,
    int WireRequests,
    int DatabaseRows,
    int IngestEvents,
    int DrainPerEndpointAt100,
    int DrainEndpointsLarge,
    int DrainPerEndpointLarge,
    TimeSpan SustainedFor,
    int LatencyRate,
    TimeSpan LatencyFor,
    int FanOutEndpoints,
    int FanOutEvents,
    int BacklogDepth,
    int BacklogProbes,
    int RetryEndpoints,
    int RetryEvents,
    TimeSpan CollectionAge)
{
    public static readonly Sizes Full = new(
        Concurrency: 64,
        WireRequests: 60_000,
        DatabaseRows: 100_000,
        IngestEvents: 30_000,
        DrainPerEndpointAt100: 200,
        DrainEndpointsLarge: 10_000,
        DrainPerEndpointLarge: 5,
        SustainedFor: TimeSpan.FromSeconds(10),
        LatencyRate: 1_000,
        LatencyFor: TimeSpan.FromSeconds(10),
        FanOutEndpoints: 1_000,
        FanOutEvents: 5,
        BacklogDepth: 100_000,
        BacklogProbes: 400,
        RetryEndpoints: 100,
        RetryEvents: 20_000,
        CollectionAge: TimeSpan.FromSeconds(60));

    public static readonly Sizes Quick = new(
        Concurrency: 64,
        WireRequests: 5_000,
        DatabaseRows: 10_000,
        IngestEvents: 1_000,
        DrainPerEndpointAt100: 20,
        DrainEndpointsLarge: 200,
        DrainPerEndpointLarge: 5,
        SustainedFor: TimeSpan.FromSeconds(2),
        LatencyRate: 1_000,
        LatencyFor: TimeSpan.FromSeconds(2),
        FanOutEndpoints: 100,
        FanOutEvents: 2,
        BacklogDepth: 10_000,
        BacklogProbes: 40,
        RetryEndpoints: 10,
        RetryEvents: 300,
        CollectionAge: TimeSpan.FromSeconds(4));
}
