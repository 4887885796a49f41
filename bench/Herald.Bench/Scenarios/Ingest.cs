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
    public static async Task<BenchEndpoint> RunAsync(BenchContext context)
    {
        var sizes = context.Sizes;
        var endpoint = (await Topology.CreateAsync(context, "ingest", 1, 1, _ => "bench.ingest"))[0];
        await context.Client.DisableAsync(endpoint.WebhookId);
        var bodies = Enumerable.Range(0, sizes.IngestEvents).Select(i => Payloads.Publish("bench.ingest", $"in-{i:D7}", i)).ToArray();
        await WarmUpAsync(context, endpoint);

        var cpu = await context.Cpu.SampleAsync();
        var result = await Load.ClosedAsync(bodies.Length, sizes.Concurrency, TimeSpan.FromSeconds(120),
            i => context.Client.PublishAsync(endpoint.AccountKey, bodies[i]));
        var cpuFigure = await context.CpuFigureAsync("1 ingest", "events accepted", cpu, result.Ok);
        if (result.Failed > 0)
        {
            context.Results.Fail($"ingest: {result.Failed:N0} publishes were not accepted ({result.FirstError})");
        }
        var stored = await context.Database.ScalarAsync<long>(
            "select count(*) from herald_deliveries where endpoint_id = @endpoint and event_id like 'in-%'", ("endpoint", endpoint.WebhookId));
        if (stored != result.Ok)
        {
            context.Results.Fail($"ingest: {result.Ok:N0} publishes accepted but {stored:N0} deliveries stored");
        }

        var rate = result.PerSecond;
        var results = context.Results;
        results.Add(new Figure("1 ingest", $"events accepted (202) at concurrency {sizes.Concurrency}, 1 webhook per event",
            RunResults.Number(rate), "events/s", RunResults.Ratio(rate, results.Wire), RunResults.Ratio(rate, results.DatabaseIngest), "≥ 5,000", rate >= 5000));
        results.Add(new Figure("1 ingest", "publish latency p50 / p99",
            $"{DeliveryCheck.Ms(Stats.Percentile(result.LatenciesMs, 50))} / {DeliveryCheck.Ms(Stats.Percentile(result.LatenciesMs, 99))}", "ms"));
        results.Add(cpuFigure);
        return endpoint;
    }

    /// <summary>A few publishes first, so that JIT and connection set-up are not in the measurement.</summary>
    private static async Task WarmUpAsync(BenchContext context, BenchEndpoint endpoint)
    {
        await Load.ClosedAsync(context.Options.Quick ? 100 : 500, 16, TimeSpan.FromSeconds(30),
            i => context.Client.PublishAsync(endpoint.AccountKey, Payloads.Publish("bench.ingest", $"warm-{i}", i)));
    }
}
