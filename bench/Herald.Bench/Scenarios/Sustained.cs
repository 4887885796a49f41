using System.Diagnostics;
using Herald.Bench.Infrastructure;
using Herald.Bench.Report;

namespace Herald.Bench.Scenarios;

/// <summary>
/// (2b) Sustained publish-and-deliver: publish as fast as the API accepts at the bench's concurrency for a fixed time,
/// event i to webhook i mod n; the end-to-end rate is events delivered over first publish → last arrival.
/// </summary>
public static class Sustained
{
    public static async Task<double> RunAsync(BenchContext context, string name, IReadOnlyList<BenchEndpoint> endpoints)
    {
        var sizes = context.Sizes;
        var tracker = context.Receiver.Track(new Tracker());
        var cpu = await context.Cpu.SampleAsync();
        var start = Stopwatch.GetTimestamp();
        // The quick mode also caps the count, so that a slow single strict queue cannot hold the smoke test up.
        var cap = context.Options.Quick ? Math.Max(1_000, endpoints.Count * 50) : 1_000_000;
        var publish = await Load.ClosedAsync(cap, sizes.Concurrency, sizes.SustainedFor, i =>
        {
            var endpoint = endpoints[i % endpoints.Count];
            return context.Client.PublishAsync(endpoint.AccountKey, Payloads.Publish(endpoint.EventType, $"{name}-{i:D7}", i));
        });
        if (publish.Failed > 0)
        {
            context.Results.Fail($"{name}: {publish.Failed:N0} publishes were not accepted ({publish.FirstError})");
        }
        var expected = (int)publish.Ok;
        var arrived = await tracker.WaitForAsync(expected, BenchContext.Patience(expected));
        var seconds = Stopwatch.GetElapsedTime(start, tracker.LastArrival).TotalSeconds;
        var cpuFigure = await context.CpuFigureAsync("2 delivery", $"events published and delivered ({endpoints.Count:N0} webhooks)", cpu, tracker.Delivered.Count);
        var rate = tracker.Delivered.Count / seconds;
        var lag = seconds - publish.Elapsed.TotalSeconds;
        context.Log($"{name}: published {publish.PerSecond:N0}/s for {publish.Elapsed.TotalSeconds:0.0} s, all {tracker.Delivered.Count:N0} delivered " +
                    $"{lag:0.0} s after publishing ended, CPU per 1,000 (Herald + PostgreSQL): {cpuFigure.Value} ms");
        DeliveryCheck.Completeness(context, name, tracker, expected, arrived);

        var results = context.Results;
        results.Add(new Figure("2 delivery", $"sustained publish-and-deliver, {endpoints.Count:N0} webhook{(endpoints.Count == 1 ? "" : "s")} (published {RunResults.Number(publish.PerSecond)}/s, last delivery {lag:0.0} s after the last publish)",
            RunResults.Number(rate), "events/s end to end", RunResults.Ratio(rate, results.Wire), RunResults.Ratio(rate, results.DatabaseIngest), "≥ 5,000", rate >= 5000));
        results.Add(cpuFigure);
        return rate;
    }
}
