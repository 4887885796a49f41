using System.Diagnostics;
using Herald.Bench.Infrastructure;
using Herald.Bench.Report;

namespace Herald.Bench.Scenarios;

/// <summary>
/// (4) Latency: publishes at a fixed rate (open loop), event i to webhook i mod n; latency runs from the moment each
/// publish was due to its arrival at the receiver, so a generator that falls behind is counted, not hidden.
/// </summary>
public static class Latency
{
    public static async Task RunAsync(BenchContext context, IReadOnlyList<BenchEndpoint> endpoints)
    {
        var sizes = context.Sizes;
        const string name = "latency";
        var tracker = context.Receiver.Track(new Tracker());
        var publish = await Load.PacedAsync(sizes.LatencyRate, sizes.LatencyFor, 512, async (i, scheduled) =>
        {
            var endpoint = endpoints[i % endpoints.Count];
            var id = $"lat-{i:D7}";
            tracker.SentAt[id] = scheduled;
            return await context.Client.PublishAsync(endpoint.AccountKey, Payloads.Publish(endpoint.EventType, id, i));
        });
        if (publish.Failed > 0)
        {
            context.Results.Fail($"{name}: {publish.Failed:N0} publishes were not accepted ({publish.FirstError})");
        }
        var expected = (int)publish.Ok;
        var arrived = await tracker.WaitForAsync(expected, BenchContext.Patience(expected));
        DeliveryCheck.Completeness(context, name, tracker, expected, arrived);

        var latencies = tracker.LatenciesMs.ToArray();
        var p99 = Stats.Percentile(latencies, 99);
        var results = context.Results;
        var skipped = publish.Skipped == 0 ? "" : $" ({publish.Skipped:N0} publishes not sent: 512 were outstanding)";
        var label = $"publish→receipt at {sizes.LatencyRate:N0} events/s for {sizes.LatencyFor.TotalSeconds:0} s, {endpoints.Count:N0} webhooks{skipped}";
        results.Add(new Figure("4 latency", label + ": p50 / p95",
            $"{DeliveryCheck.Ms(Stats.Percentile(latencies, 50))} / {DeliveryCheck.Ms(Stats.Percentile(latencies, 95))}", "ms"));
        results.Add(new Figure("4 latency", label + ": p99", DeliveryCheck.Ms(p99), "ms", Target: "≤ 50", Met: p99 <= 50));
        results.Add(new Figure("4 latency", label + ": max; publish (202) p99",
            $"{DeliveryCheck.Ms(latencies.DefaultIfEmpty(double.NaN).Max())}; {DeliveryCheck.Ms(Stats.Percentile(publish.LatenciesMs, 99))}", "ms"));
        context.Log($"{name}: {publish.Ok:N0} published at {publish.PerSecond:N0}/s ({publish.Skipped:N0} skipped), p99 {p99:0.0} ms");
    }
}
