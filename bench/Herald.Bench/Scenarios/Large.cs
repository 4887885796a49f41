using System.Diagnostics;
using Herald.Bench.Infrastructure;
using Herald.Bench.Report;

namespace Herald.Bench.Scenarios;

/// <summary>
/// (6) Memory, with (2) at many webhooks: the silo's resident memory before and after registering many webhooks
/// (each registration activates its endpoint grain, which then sits idle), after draining a backlog over all of them
/// and a sustained run (repeated), and after the idle grains were deactivated (collection age shortened for the run).
/// </summary>
public static class Large
{
    private const int PerAccount = 100;

    public static async Task RunAsync(BenchContext context, int rounds)
    {
        var sizes = context.Sizes;
        var count = sizes.DrainEndpointsLarge;
        // Heaps after a forced full GC: live objects only, not the garbage the registrations left.
        await context.Memory.ForceFullGcAsync();
        var before = context.Herald.WorkingSet();
        var heapBefore = await context.Metrics.HeapAfterLastGcAsync();
        var clock = Stopwatch.StartNew();
        var endpoints = await Topology.CreateAsync(context, "large", count / PerAccount, PerAccount, j => $"bench.l{j}");
        var registering = clock.Elapsed;
        await Task.Delay(TimeSpan.FromSeconds(2));
        var idle = context.Herald.WorkingSet();
        await context.Memory.ForceFullGcAsync();
        var heapIdle = await context.Metrics.HeapAfterLastGcAsync();
        context.Log($"large: {endpoints.Count:N0} webhooks registered in {registering.TotalSeconds:0.0} s; working set {Mib(before)} → {Mib(idle)} MiB");

        for (var round = 1; round <= rounds; round++)
        {
            await Limits.MeasureAsync(context, full: false);
            await Drain.FallDueAsync(context, $"drain-{count}-{round}", endpoints, sizes.DrainPerEndpointLarge);
            await Sustained.RunAsync(context, $"sustained-{count}", endpoints, Sustained.LargeGoal, round);
        }
        var busy = context.Herald.WorkingSet();

        // Deactivation: wait past the collection age.
        var wait = sizes.CollectionAge * 1.75 + TimeSpan.FromSeconds(2);
        context.Log($"large: waiting {wait.TotalSeconds:0} s for idle grains to be deactivated");
        await Task.Delay(wait);
        var after = context.Herald.WorkingSet();

        var results = context.Results;
        var perEndpoint = (idle - before) / 1024.0 / endpoints.Count;
        results.Record(new Figure("memory.large.rss", "6 memory", $"silo working set after {endpoints.Count:N0} webhooks were registered (idle, active grains)", "MiB"),
            idle / 1048576.0, $"{Mib(before)} → {Mib(idle)} → {Mib(busy)} after the drains and sustained runs → {Mib(after)} after deactivation");
        results.Record(new Figure("memory.endpoint.rss", "6 memory", $"working set per idle, active endpoint grain ((registered − start) ÷ {endpoints.Count:N0})", "KiB")
        {
            Format = "N1", Target = Target.AtMostValue(8, "a few KiB"),
        }, perEndpoint);
        results.Record(new Figure("memory.endpoint.heap", "6 memory",
            $"managed heap per idle, active endpoint grain (heap after a forced full GC, (registered − start) ÷ {endpoints.Count:N0}; includes the accounts' endpoint indexes)", "KiB")
        {
            Format = "N1",
        }, (heapIdle - heapBefore) / 1024.0 / endpoints.Count);
        results.Record(new Figure("register", "6 memory", "webhook registration through the API (POST /v1/webhooks, 32 at a time)", "webhooks/s"),
            endpoints.Count / registering.TotalSeconds);
    }

    private static string Mib(long bytes) => (bytes / 1024.0 / 1024.0).ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
}
