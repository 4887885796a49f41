using Herald.Bench.Infrastructure;

namespace Herald.Bench.Scenarios;

/// <summary>
/// Before anything is measured: publish and deliver events through every code path the scenarios use, in rounds,
/// until Herald is quiet between rounds, so the figures are of steady state, not of a cold process. A process that
/// has just served traffic keeps compiling hot methods to their optimised tier in the background (measured: a third
/// of Herald's CPU during an ingest run that followed a fixed 6,000-event warm-up on a loaded machine); idle CPU
/// that stays low shows that work is done.
/// </summary>
public static class WarmUp
{
    // Below this much CPU per second of idleness (3% of a core), Herald counts as quiet.
    private static readonly TimeSpan QuietCpu = TimeSpan.FromMilliseconds(30);

    public static async Task RunAsync(BenchContext context)
    {
        var quick = context.Options.Quick;
        var perRound = quick ? 500 : 3_000;
        var maxRounds = quick ? 2 : 12;
        var endpoints = await Topology.CreateAsync(context, "warm", 1, 20, j => $"bench.w{j}");
        var tracker = context.Receiver.Track(new Tracker());
        var published = 0L;
        var idle = TimeSpan.MaxValue;
        var round = 0;
        while (round < maxRounds && (round < 2 || idle > QuietCpu))
        {
            var r = round;
            var result = await Load.ClosedAsync(perRound, context.Sizes.Concurrency, TimeSpan.FromSeconds(60), i =>
            {
                var endpoint = endpoints[i % endpoints.Count];
                return context.Client.PublishAsync(endpoint.AccountKey, Payloads.Publish(endpoint.EventType, $"warm{r}-{i:D7}", i));
            });
            published += result.Ok;
            await tracker.WaitForAsync((int)published, TimeSpan.FromSeconds(60));
            round++;
            idle = await IdleCpuAsync(context);
        }
        context.Log($"warm-up: {tracker.Delivered.Count:N0} events published and delivered in {round} rounds; " +
                    $"Herald then used {idle.TotalMilliseconds:0} ms CPU in 1 s of idleness");
    }

    private static async Task<TimeSpan> IdleCpuAsync(BenchContext context)
    {
        var before = context.Cpu.Sample();
        await Task.Delay(TimeSpan.FromSeconds(1));
        var after = context.Cpu.Sample();
        return after.Herald - before.Herald;
    }
}
