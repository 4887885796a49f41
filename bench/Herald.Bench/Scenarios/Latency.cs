using System.Diagnostics;
using Herald.Bench.Infrastructure;
using Herald.Bench.Report;

namespace Herald.Bench.Scenarios;

/// <summary>
/// (4) Latency: publishes at a fixed rate (open loop), event i to webhook i mod n; latency runs from the moment each
/// publish was due to its arrival at the receiver, so a generator that falls behind is counted, not hidden. The rates
/// are fractions of the sustained capacity measured earlier in the same run (100 webhooks), so that a slower or busier
/// machine is loaded to the same degree, and the fixed rate of issue 10 beside them: near capacity, latency measures
/// queueing, not Herald.
/// </summary>
public static class Latency
{
    /// <summary>A rate to measure at: a fraction of capacity, or a fixed rate (<see cref="Fraction"/> null).</summary>
    public sealed record Load(string Key, double? Fraction, int FixedRate, Target Target)
    {
        public int Rate(double capacity) => Fraction is { } f ? Math.Max(20, (int)Math.Round(f * capacity)) : FixedRate;

        public string Label => Fraction is { } f ? $"{f * 100:0}% of the sustained capacity" : $"{FixedRate:N0} events/s";
    }

    /// <summary>
    /// Issue 10's p99 ≤ 25 ms at 1,000 events/s, where 1,000/s was 0.17–0.39 of the sustained capacity, applies at a
    /// quarter of the capacity; the earlier ≤ 50 ms at half of it; the fixed rate keeps issue 10's row as it was written.
    /// </summary>
    public static IReadOnlyList<Load> Loads(int fixedRate) =>
    [
        new("latency.25", 0.25, 0, Target.AtMostValue(25)),
        new("latency.50", 0.50, 0, Target.AtMostValue(50)),
        new($"latency.{fixedRate}", null, fixedRate, Target.AtMostValue(25, "issue 10, at a fixed rate")),
    ];

    public static async Task RunAsync(BenchContext context, IReadOnlyList<BenchEndpoint> endpoints, Load load, double capacity, int round)
    {
        var sizes = context.Sizes;
        var rate = load.Rate(capacity);
        var name = $"latency-{load.Key}-{round}";
        var tracker = context.Receiver.Track(new Tracker());
        var stalls = new Stalls();
        var gc = await GcPauses.SampleAsync(context.Metrics);
        using var disk = DiskWaits.Start(context.Cpu.PostmasterPid);
        var publish = await Infrastructure.Load.PacedAsync(rate, sizes.LatencyFor, 512, async (i, scheduled) =>
        {
            var endpoint = endpoints[i % endpoints.Count];
            var id = $"{name}-{i:D7}";
            tracker.SentAt[id] = scheduled;
            var accepted = await context.Client.PublishAsync(endpoint.AccountKey, Payloads.Publish(endpoint.EventType, id, i));
            stalls.Add(scheduled, Stopwatch.GetElapsedTime(scheduled).TotalMilliseconds);
            return accepted;
        });
        if (publish.Failed > 0)
        {
            context.Results.Fail($"{name}: {publish.Failed:N0} publishes were not accepted ({publish.FirstError})");
        }
        var paused = (await GcPauses.SampleAsync(context.Metrics)).Since(gc);
        var expected = (int)publish.Ok;
        var arrived = await tracker.WaitForAsync(expected, BenchContext.Patience(expected));
        disk.Dispose();
        DeliveryCheck.Completeness(context, name, tracker, expected, arrived);

        var latencies = tracker.LatenciesMs.ToArray();
        var p99 = Stats.Percentile(latencies, 99);
        var skipped = publish.Skipped == 0 ? "" : $"; {publish.Skipped:N0} publishes not sent (512 outstanding)";
        var detail = $"{rate:N0}/s = {rate / capacity:0.00}× capacity ({capacity:N0}/s); p50 {DeliveryCheck.Ms(Stats.Percentile(latencies, 50))}, " +
                     $"p95 {DeliveryCheck.Ms(Stats.Percentile(latencies, 95))}, max {DeliveryCheck.Ms(latencies.DefaultIfEmpty(double.NaN).Max())}; " +
                     $"publish (202) p99 {DeliveryCheck.Ms(Stats.Percentile(publish.LatenciesMs, 99))} ms{skipped}; {stalls.Summary}; {paused}; {disk.Summary}";
        context.Results.Record(new Figure(load.Key, "4 latency",
            $"publish→receipt p99 at {load.Label} for {sizes.LatencyFor.TotalSeconds:0} s, {endpoints.Count:N0} webhooks", "ms")
        {
            Format = "0.0", Target = load.Target,
        }, p99, detail);
        context.Log($"{name}: {publish.Ok:N0} published at {publish.PerSecond:N0}/s ({publish.Skipped:N0} skipped), p99 {p99:0.0} ms; {paused}; {disk.Summary}; {stalls.Describe()}");
    }
}
