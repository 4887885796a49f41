using System.Diagnostics;
using Herald.Bench.Infrastructure;
using Herald.Bench.Report;

namespace Herald.Bench.Scenarios;

/// <summary>
/// (2a) Drain: paused webhooks hold a backlog; the clock starts when the first is enabled (POST /enable) and stops
/// at the last arrival. Strict order is checked against each queue's order in PostgreSQL.
/// </summary>
public static class Drain
{
    public static async Task<double> RunAsync(BenchContext context, string name, IReadOnlyList<BenchEndpoint> endpoints)
    {
        var expected = await context.Database.ScalarAsync<int>(
            "select count(*) from herald_deliveries where endpoint_id = any(@endpoints) and status in ('held', 'pending')",
            ("endpoints", endpoints.Select(e => e.WebhookId).ToArray()));
        var tracker = context.Receiver.Track(new Tracker(recordOrder: true));
        var cpu = await context.Cpu.SampleAsync();
        var start = Stopwatch.GetTimestamp();
        await Topology.ForEachAsync(endpoints, e => context.Client.EnableAsync(e.WebhookId), context.Sizes.Concurrency);
        var enabling = Stopwatch.GetElapsedTime(start);
        var arrived = await tracker.WaitForAsync(expected, BenchContext.Patience(expected));
        var seconds = Stopwatch.GetElapsedTime(start, tracker.LastArrival).TotalSeconds;
        var cpuFigure = await context.CpuFigureAsync("2 delivery", $"deliveries ({endpoints.Count:N0} webhooks)", cpu, tracker.Delivered.Count);
        var rate = tracker.Delivered.Count / seconds;
        context.Log($"{name}: {tracker.Delivered.Count:N0} deliveries in {seconds:0.00} s (enabling took {enabling.TotalSeconds:0.00} s), CPU per 1,000 (Herald + PostgreSQL): {cpuFigure.Value} ms");
        DeliveryCheck.Completeness(context, name, tracker, expected, arrived);
        await DeliveryCheck.OrderAsync(context, name, tracker, endpoints);

        var results = context.Results;
        var met = rate >= 10_000 && rate >= 0.2 * results.Wire;
        results.Add(new Figure("2 delivery", $"drain a backlog of {expected:N0}, {endpoints.Count:N0} webhook{(endpoints.Count == 1 ? "" : "s")} (strict order)",
            RunResults.Number(rate), "deliveries/s", RunResults.Ratio(rate, results.Wire), RunResults.Ratio(rate, results.DatabaseDelivery),
            "≥ 10,000 and ≥ 0.20× wire", met));
        results.Add(cpuFigure);
        return rate;
    }
}
