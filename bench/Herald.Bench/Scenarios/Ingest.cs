using Herald.Bench.Infrastructure;
using Herald.Bench.Report;

namespace Herald.Bench.Scenarios;

/// <summary>
/// (1) Ingest: events accepted (202, i.e. durably committed with their fan-out) per second at the bench's concurrency,
/// each event matching one webhook. The webhook is paused, so the figure is the accept path alone; what it holds is
/// then the one-endpoint backlog that <see cref="Drain"/> delivers.
/// </summary>
public static class Ingest
{
    /// <summary>Issue 10: ingest ≥ 10,000 events/s at concurrency 64, 0.24× the wire of docs/benchmarks.md's reference run.</summary>
    public static readonly Target Goal = Target.RatioAtLeast(0.24, "10,000/s");

    public static async Task<BenchEndpoint> RunAsync(BenchContext context, int round)
    {
        var sizes = context.Sizes;
        var endpoint = (await Topology.CreateAsync(context, $"ingest{round}", 1, 1, _ => "bench.ingest"))[0];
        await context.Client.DisableAsync(endpoint.WebhookId);
        var bodies = Enumerable.Range(0, sizes.IngestEvents).Select(i => Payloads.Publish("bench.ingest", $"in{round}-{i:D7}", i)).ToArray();
        await WarmUpAsync(context, endpoint, round);

        var cpu = await context.MarkAsync();
        var result = await Load.ClosedAsync(bodies.Length, sizes.Concurrency, TimeSpan.FromSeconds(120),
            i => context.Client.PublishAsync(endpoint.AccountKey, bodies[i]));
        await context.RecordCpuAsync("cpu.ingest", "1 ingest", "event accepted", cpu, result.Ok, Limit.PipeIngestCpu);
        if (result.Failed > 0)
        {
            context.Results.Fail($"ingest: {result.Failed:N0} publishes were not accepted ({result.FirstError})");
        }
        var stored = await context.Database.ScalarAsync<long>(
            "select count(*) from herald_deliveries where endpoint_id = @endpoint and event_id like 'in%'", ("endpoint", endpoint.WebhookId));
        if (stored != result.Ok)
        {
            context.Results.Fail($"ingest: {result.Ok:N0} publishes accepted but {stored:N0} deliveries stored");
        }

        var results = context.Results;
        results.Record(new Figure("ingest", "1 ingest", $"events accepted (202) at concurrency {sizes.Concurrency}, 1 webhook per event", "events/s")
        {
            RatioOf = Limit.Wire, AlsoOf = Limit.PipeIngest, Target = Goal,
        }, result.PerSecond, $"{result.Ok:N0} events in {result.Elapsed.TotalSeconds:0.0} s");
        results.Record(new Figure("ingest.p99", "1 ingest", "publish (202) latency p99", "ms") { Format = "0.0" },
            Stats.Percentile(result.LatenciesMs, 99), $"p50 {DeliveryCheck.Ms(Stats.Percentile(result.LatenciesMs, 50))} ms");
        return endpoint;
    }

    /// <summary>A few publishes first, so that JIT and connection set-up are not in the measurement.</summary>
    private static async Task WarmUpAsync(BenchContext context, BenchEndpoint endpoint, int round)
    {
        await Load.ClosedAsync(context.Options.Quick ? 100 : 500, 16, TimeSpan.FromSeconds(30),
            i => context.Client.PublishAsync(endpoint.AccountKey, Payloads.Publish("bench.ingest", $"warm{round}-{i}", i)));
    }
}
