using Herald.Bench.Infrastructure;

namespace Herald.Bench.Scenarios;

/// <summary>
/// Before anything is measured: publish and deliver a few thousand events through every code path the scenarios
/// use, so the figures are of steady state (JIT tiering done, connection pools filled), not of a cold process.
/// </summary>
public static class WarmUp
{
    public static async Task RunAsync(BenchContext context)
    {
        var events = context.Options.Quick ? 1_000 : 6_000;
        var endpoints = await Topology.CreateAsync(context, "warm", 1, 20, j => $"bench.w{j}");
        var tracker = context.Receiver.Track(new Tracker());
        var published = 0L;
        for (var round = 0; round < 2; round++)
        {
            var result = await Load.ClosedAsync(events / 2, context.Sizes.Concurrency, TimeSpan.FromSeconds(60), i =>
            {
                var endpoint = endpoints[i % endpoints.Count];
                return context.Client.PublishAsync(endpoint.AccountKey, Payloads.Publish(endpoint.EventType, $"warm{round}-{i:D7}", i));
            });
            published += result.Ok;
            await tracker.WaitForAsync((int)published, TimeSpan.FromSeconds(60));
        }
        // Tier-1 compilation runs in the background once calls quieten: give it a moment.
        await Task.Delay(TimeSpan.FromSeconds(context.Options.Quick ? 1 : 3));
        context.Log($"warm-up: {tracker.Delivered.Count:N0} events published and delivered");
    }
}
