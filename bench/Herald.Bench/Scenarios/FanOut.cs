using System.Diagnostics;
using Herald.Bench.Infrastructure;
using Herald.Bench.Report;

namespace Herald.Bench.Scenarios;

/// <summary>(3) Fan-out: one event to every webhook of an account; time from the publish to the last arrival, one event at a time.</summary>
public static class FanOut
{
    public static async Task RunAsync(BenchContext context)
    {
        var sizes = context.Sizes;
        var endpoints = await Topology.CreateAsync(context, "fan", 1, sizes.FanOutEndpoints, _ => "bench.fanout");
        var account = endpoints[0];
        var toLast = new List<double>();
        var accepted = new List<double>();
        for (var e = 0; e < sizes.FanOutEvents; e++)
        {
            var tracker = context.Receiver.Track(new Tracker());
            var start = Stopwatch.GetTimestamp();
            if (!await context.Client.PublishAsync(account.AccountKey, Payloads.Publish("bench.fanout", $"fan-{e}", e)))
            {
                context.Results.Fail("fan-out: a publish was not accepted");
                return;
            }
            accepted.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            var arrived = await tracker.WaitForAsync(endpoints.Count, BenchContext.Patience(endpoints.Count));
            DeliveryCheck.Completeness(context, $"fan-out event {e}", tracker, endpoints.Count, arrived);
            toLast.Add(Stopwatch.GetElapsedTime(start, tracker.LastArrival).TotalMilliseconds);
        }
        // The first event also activates every endpoint grain; the median of the rest is the steady figure.
        // Each event is a repetition: the spread is over the events after the first.
        var steady = toLast.Count > 1 ? toLast.Skip(1).ToList() : toLast;
        var results = context.Results;
        for (var e = 0; e < steady.Count; e++)
        {
            var ms = steady[e];
            results.Record(new Figure("fanout.last", "3 fan-out", $"one event to {endpoints.Count:N0} webhooks: publish → last arrival", "ms") { Format = "0.0" },
                ms, $"first event, with activations: {toLast[0]:N0} ms; 202 after {Stats.Median(accepted):0.0} ms (median)");
            results.Record(new Figure("fanout.rate", "3 fan-out", "fan-out delivery rate (webhooks ÷ publish → last arrival)", "deliveries/s")
            {
                RatioOf = Limit.Wire, AlsoOf = Limit.DatabaseDelivery,
            }, endpoints.Count / (ms / 1000));
        }
    }
}
