using Herald.Bench.Report;

namespace Herald.Bench.Scenarios;

/// <summary>
/// The machine's limits, measured now (the wire at the bench's concurrency and one at a time, with the bench's CPU
/// per request; the database's batched and one-commit writes; the pipe server's ingest, drains and sustained rate): in full at the start and the end of a run, and in a
/// shorter form before each repetition of a scenario group (full mode), whose ratios then use them. The
/// database is settled last (<see cref="Infrastructure.BenchDatabase.SettleAsync"/>), so the repetition that follows
/// starts from the same state.
/// </summary>
public static class Limits
{
    public static async Task MeasureAsync(BenchContext context, bool full)
    {
        if (context.Options.SkipBaselines || (!full && context.Options.Quick))
        {
            return;
        }
        var run = context.NextBaselineRun();
        var sizes = context.Sizes;
        var results = context.Results;
        if (run == 1)
        {
            // Not recorded: the first requests of a process pay for JIT and connections.
            await WireBaseline.RunAsync(context, 0, sizes.WireRequests / 10);
            await PipeBaseline.RunAsync(context, 0, 10);
        }
        context.Log($"limits, run {run}{(full ? " (full)" : "")}");
        await DatabaseBaseline.RunAsync(context, run, full ? sizes.DatabaseRows : sizes.DatabaseRows / 5);
        var (wire, cpu) = await WireBaseline.RunAsync(context, run, full ? sizes.WireRequests : sizes.WireRequests / 3);
        results.AddLimit(Limit.Wire, wire);
        results.AddLimit(Limit.WireCpu, cpu);
        var (serial, _) = await WireBaseline.RunAsync(context, 1000 + run, sizes.WireRequests / (full ? 5 : 10), concurrency: 1);
        results.AddLimit(Limit.WireSerial, serial);
        await PipeBaseline.RunAsync(context, run, full ? 1 : 2);
        var settle = System.Diagnostics.Stopwatch.StartNew();
        await context.Database.SettleAsync();
        context.Log($"database settled (checkpoint, vacuum) in {settle.Elapsed.TotalSeconds:0.0} s");
    }
}
