using System.Diagnostics;
using Herald.Bench.Infrastructure;
using Herald.Bench.Report;
using Herald.Testing;

namespace Herald.Bench.Scenarios;

/// <summary>
/// The pipe limits: Herald's kind of work done minimally by the pipe server (<see cref="Pipe.PipeServer"/>, a child
/// process): publishes parsed, their rows group-committed before the 202; deliveries read from PostgreSQL or
/// forwarded once committed, sent signed to the same receiver, their attempts group-committed. CPU, commits and
/// hand-offs bound it as they bound Herald, so a busy machine moves it as it moves Herald, where the wire (CPU only)
/// moves further. Each measurement takes a few seconds, bounded in count and time; they use the bench's copies of
/// Herald's tables, emptied before each.
/// </summary>
public static class PipeBaseline
{
    private const string Type = "bench.pipe";
    private const int PreloadBatch = 512;

    /// <summary>How long the ingest and the drain at the bench's concurrency may take, on a machine however slow.</summary>
    private static readonly TimeSpan TimeLimit = TimeSpan.FromSeconds(5);

    /// <summary>The same for the strict drain, one delivery in flight.</summary>
    private static readonly TimeSpan StrictTimeLimit = TimeSpan.FromSeconds(3);

    /// <summary>Measures the four pipe limits on <paramref name="divisor"/>-th of the full sizes; run 0 is a warm-up, not recorded.</summary>
    public static async Task RunAsync(BenchContext context, int run, int divisor)
    {
        var sizes = context.Sizes;
        var ingest = await IngestAsync(context, run, sizes.PipeEvents / divisor);
        var drain = await DrainAsync(context, $"pd{run}", sizes.PipeDrain / divisor, sizes.Concurrency, TimeLimit);
        var strict = await DrainAsync(context, $"ps{run}", Math.Max(50, sizes.PipeStrictDrain / divisor), 1, StrictTimeLimit);
        var sustained = await SustainedAsync(context, run, sizes.PipeSustainedFor / divisor);
        context.Log($"pipe baseline run {run}: ingest {ingest.Rate:N0} events/s, drain {drain.Rate:N0}/s at concurrency {sizes.Concurrency}, " +
                    $"{strict.Rate:N0}/s one at a time, sustained {sustained.Rate:N0} events/s; CPU per operation, pipe + PostgreSQL: " +
                    $"{ingest.CpuDetail} / {drain.CpuDetail} / {strict.CpuDetail} / {sustained.CpuDetail} µs");
        if (run > 0)
        {
            context.Results.AddLimit(Limit.PipeIngest, ingest.Rate);
            context.Results.AddLimit(Limit.PipeDrain, drain.Rate);
            context.Results.AddLimit(Limit.PipeStrictDrain, strict.Rate);
            context.Results.AddLimit(Limit.PipeSustained, sustained.Rate);
            context.Results.AddLimit(Limit.PipeIngestCpu, ingest.Cpu);
            context.Results.AddLimit(Limit.PipeDrainCpu, drain.Cpu);
            context.Results.AddLimit(Limit.PipeStrictDrainCpu, strict.Cpu);
            context.Results.AddLimit(Limit.PipeSustainedCpu, sustained.Cpu);
        }
    }

    /// <summary>Publishes accepted (202 after the commit) per second, forwarding off, and the CPU per publish.</summary>
    private static async Task<PipeMeasure> IngestAsync(BenchContext context, int run, int events)
    {
        var pipe = context.Pipe;
        await BenchTables.ResetAsync(context.Database);
        await pipe.ForwardAsync(on: false);
        var bodies = Enumerable.Range(0, events).Select(i => Payloads.Publish(Type, $"pi{run}-{i:D7}", i)).ToArray();
        var cpu = context.Cpu.Sample();
        var result = await Load.ClosedAsync(events, context.Sizes.Concurrency, TimeLimit, i => pipe.PublishAsync(bodies[i]));
        var cpuPer = context.Cpu.Sample().PipeMicrosecondsPer(cpu, result.Ok);
        var stored = await context.Database.ScalarAsync<long>("select count(*) from bench_deliveries where status = 'pending'");
        if (result.Failed > 0 || stored != result.Ok)
        {
            context.Results.Fail($"pipe ingest run {run}: {result.Failed:N0} publishes failed ({result.FirstError}), {result.Ok:N0} accepted, {stored:N0} stored");
        }
        return new(result.PerSecond, cpuPer);
    }

    /// <summary>
    /// Pending deliveries pre-loaded, then sent by the pipe server (those it takes within the time limit); deliveries/s
    /// from the drain's start to the last arrival, and the CPU per delivery.
    /// </summary>
    private static async Task<PipeMeasure> DrainAsync(BenchContext context, string prefix, int deliveries, int concurrency, TimeSpan limit)
    {
        await BenchTables.ResetAsync(context.Database);
        await PreloadAsync(context.Database, prefix, deliveries);
        var tracker = context.Receiver.Track(new Tracker());
        var cpu = context.Cpu.Sample();
        var start = Stopwatch.GetTimestamp();
        var outcome = await context.Pipe.DrainAsync(concurrency, limit); // answers once the attempts taken are recorded
        var cpuPer = context.Cpu.Sample().PipeMicrosecondsPer(cpu, outcome.Delivered);
        var rate = tracker.Delivered.Count / Stopwatch.GetElapsedTime(start, tracker.LastArrival).TotalSeconds;
        await CheckAsync(context, $"pipe drain {prefix} (concurrency {concurrency})", tracker, (int)outcome.Delivered, outcome.Failed);
        return new(rate, cpuPer);
    }

    /// <summary>
    /// Publishes at the bench's concurrency for a fixed time with forwarding on; events/s from the first publish to the
    /// last arrival, and the CPU per event to the last arrival (as Herald's sustained CPU is measured).
    /// </summary>
    private static async Task<PipeMeasure> SustainedAsync(BenchContext context, int run, TimeSpan duration)
    {
        var pipe = context.Pipe;
        await BenchTables.ResetAsync(context.Database);
        await pipe.ForwardAsync(on: true);
        var tracker = context.Receiver.Track(new Tracker());
        var cpu = context.Cpu.Sample();
        var start = Stopwatch.GetTimestamp();
        var publish = await Load.ClosedAsync(1_000_000, context.Sizes.Concurrency, duration,
            i => pipe.PublishAsync(Payloads.Publish(Type, $"pu{run}-{i:D7}", i)));
        var expected = (int)publish.Ok;
        await tracker.WaitForAsync(expected, BenchContext.Patience(expected));
        var cpuPer = context.Cpu.Sample().PipeMicrosecondsPer(cpu, tracker.Delivered.Count); // to the last arrival, as Herald's
        await pipe.ForwardAsync(on: false);
        var rate = tracker.Delivered.Count / Stopwatch.GetElapsedTime(start, tracker.LastArrival).TotalSeconds;
        await CheckAsync(context, $"pipe sustained run {run}", tracker, expected, publish.Failed);
        return new(rate, cpuPer);
    }

    /// <summary>
    /// Every delivery sent (<paramref name="expected"/>) arrived once, signed right, and its success is committed
    /// (polled: the last commits may follow the last arrival).
    /// </summary>
    private static async Task CheckAsync(BenchContext context, string name, Tracker tracker, int expected, long failed)
    {
        var succeeded = 0L;
        await Eventually.HoldsAsync(async () =>
            (succeeded = await context.Database.ScalarAsync<long>("select count(*) from bench_deliveries where status = 'succeeded'")) >= expected,
            TimeSpan.FromSeconds(30));
        if (failed > 0 || tracker.Delivered.Count != expected || tracker.SignaturesBad > 0 || succeeded != expected)
        {
            context.Results.Fail($"{name}: {failed:N0} failed, {tracker.Delivered.Count:N0} of {expected:N0} arrived, {tracker.SignaturesBad} bad signatures, " +
                                 $"{succeeded:N0} recorded as succeeded");
        }
    }

    private static async Task PreloadAsync(BenchDatabase database, string prefix, int deliveries)
    {
        var now = DateTimeOffset.UtcNow;
        await using var connection = await database.DataSource.OpenConnectionAsync();
        foreach (var chunk in Enumerable.Range(0, deliveries).Chunk(PreloadBatch))
        {
            await using var transaction = await connection.BeginTransactionAsync();
            var id = (int i) => $"{prefix}-{i:D7}";
            await BenchTables.InsertEventsAsync(connection, transaction, [.. chunk.Select(i => new EventRow(id(i), Type, Payloads.Envelope(Type, id(i), i, now)))], now);
            await transaction.CommitAsync();
        }
    }

    /// <summary>One pipe limit: its rate, and the pipe server's and PostgreSQL's CPU per operation.</summary>
    private readonly record struct PipeMeasure(double Rate, (double Pipe, double Postgres) CpuPer)
    {
        public double Cpu => CpuPer.Pipe + CpuPer.Postgres;

        public string CpuDetail => $"{RunResults.Number(CpuPer.Pipe)} + {RunResults.Number(CpuPer.Postgres)}";
    }
}
