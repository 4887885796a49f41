using System.Diagnostics;
using Herald.Bench.Infrastructure;
using Herald.Bench.Report;

namespace Herald.Bench.Scenarios;

/// <summary>
/// (6) Memory, with (2) at many webhooks: the silo's resident memory before and after registering many webhooks
/// (each registration activates its endpoint grain, which then sits idle), after draining a backlog over all of them
/// and a sustained run, and after the idle grains were deactivated (collection age shortened for the run).
/// </summary>
public static class Large
{
    private const int PerAccount = 100;

    public static async Task RunAsync(BenchContext context)
    {
        var sizes = context.Sizes;
        var count = sizes.DrainEndpointsLarge;
        var before = context.Herald.WorkingSet();
        var heapBefore = await context.Client.ManagedHeapAsync();
        var clock = Stopwatch.StartNew();
        var endpoints = await Topology.CreateAsync(context, "large", count / PerAccount, PerAccount, j => $"bench.l{j}");
        var registering = clock.Elapsed;
        await Task.Delay(TimeSpan.FromSeconds(2));
        var idle = context.Herald.WorkingSet();
        var heapIdle = await context.Client.ManagedHeapAsync();
        context.Log($"large: {endpoints.Count:N0} webhooks registered in {registering.TotalSeconds:0.0} s; working set {Mib(before)} → {Mib(idle)} MiB");

        await Drain.FallDueAsync(context, $"drain-{count}", endpoints, sizes.DrainPerEndpointLarge);
        await Sustained.RunAsync(context, $"sustained-{count}", endpoints);
        var busy = context.Herald.WorkingSet();

        // Deactivation: wait past the collection age, sampling memory until it settles (bounded).
        var wait = sizes.CollectionAge * 1.75 + TimeSpan.FromSeconds(2);
        context.Log($"large: waiting {wait.TotalSeconds:0} s for idle grains to be deactivated");
        await Task.Delay(wait);
        var after = context.Herald.WorkingSet();

        var results = context.Results;
        var perEndpoint = (idle - before) / 1024.0 / endpoints.Count;
        results.Add(new Figure("6 memory", $"silo working set: start of scenario → {endpoints.Count:N0} registered, idle grains → after drain and sustained run → after deactivation",
            $"{Mib(before)} → {Mib(idle)} → {Mib(busy)} → {Mib(after)}", "MiB"));
        results.Add(new Figure("6 memory", $"working set per idle, active endpoint grain ((registered − start) ÷ {endpoints.Count:N0})",
            RunResults.Number(perEndpoint, "N1"), "KiB", Target: "a few KiB (≤ 8)", Met: perEndpoint <= 8));
        results.Add(new Figure("6 memory", $"managed heap per idle, active endpoint grain (heap after the last GC, (registered − start) ÷ {endpoints.Count:N0}; includes the accounts' endpoint indexes)",
            RunResults.Number((heapIdle - heapBefore) / 1024.0 / endpoints.Count, "N1"), "KiB"));
        results.Add(new Figure("6 memory", "webhook registration through the API (POST /v1/webhooks, 32 at a time)",
            RunResults.Number(endpoints.Count / registering.TotalSeconds), "webhooks/s"));
    }

    private static string Mib(long bytes) => (bytes / 1024.0 / 1024.0).ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
}
