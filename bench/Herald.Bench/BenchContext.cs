using System.Diagnostics;
using Herald.Bench.Infrastructure;
using Herald.Bench.Report;
using Herald.Testing.Clients;
using Herald.Testing.Processes;

namespace Herald.Bench;

/// <summary>What every scenario works with: the options, the database, the receiver, Herald and its client, the pipe server, the results.</summary>
public sealed class BenchContext(
    BenchOptions options, BenchDatabase database, Receiver receiver, HeraldProcess herald, HeraldClient client, HttpClient raw, RunResults results,
    CpuMeter cpu, BenchPipe pipe)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private int _baselineRuns;

    /// <summary>CPU used by Herald and by the PostgreSQL server.</summary>
    public CpuMeter Cpu => cpu;

    /// <summary>Herald's GC figures from its /metrics.</summary>
    public HeraldMetrics Metrics { get; } = new(client.Http);

    public HeraldMemory Memory => new(herald, Metrics);
    public BenchOptions Options => options;
    public Sizes Sizes => options.Sizes;
    public BenchDatabase Database => database;
    public Receiver Receiver => receiver;
    public HeraldProcess Herald => herald;
    public HeraldClient Client => client;

    /// <summary>A pooled client for plain requests (the wire baseline).</summary>
    public HttpClient Raw => raw;

    public RunResults Results => results;

    /// <summary>The pipe server (the pipe limits).</summary>
    public BenchPipe Pipe => pipe;

    public int NextBaselineRun() => ++_baselineRuns;

    public void Log(string message) => Console.WriteLine($"[{_clock.Elapsed:mm\\:ss}] {message}");

    /// <summary>Marks the start of a measured repetition (<see cref="RecordCpuAsync"/>).</summary>
    public async Task<CpuMark> MarkAsync()
    {
        // Herald's /metrics first, so that the scrape's own CPU falls before the repetition.
        var herald = await Metrics.MarksAsync();
        return new(Cpu.Sample(), await StatementTimes.ReadAsync(database), herald);
    }

    /// <summary>
    /// Records what <paramref name="operations"/> cost in CPU since <paramref name="start"/>, Herald + PostgreSQL, in µs
    /// per operation, under <paramref name="key"/>, and logs where PostgreSQL's time went meanwhile; answers the detail
    /// text ("Herald 109 (of which JIT 4) + PostgreSQL 72"). An idle memory trim in Herald during the repetition is a functional failure.
    /// </summary>
    /// <param name="pipe">The pipe limit of the same kind of work (<see cref="Limit.PipeSustainedCpu"/>, …): the second ratio.</param>
    public async Task<string> RecordCpuAsync(string key, string scenario, string what, CpuMark start, long operations, Limit pipe, Target? target = null)
    {
        var (heraldUs, postgresUs) = Cpu.Sample().MicrosecondsPer(start.Cpu, operations);
        var marks = await Metrics.MarksAsync();
        var jitUs = operations > 0 ? (marks.Jit - start.Herald.Jit).TotalMicroseconds / operations : double.NaN;
        var detail = $"Herald {RunResults.Number(heraldUs)} (of which JIT {RunResults.Number(jitUs)}) + PostgreSQL {RunResults.Number(postgresUs)}";
        results.Record(new Figure(key, scenario, $"CPU per {what}, Herald + PostgreSQL", "µs") { RatioOf = Limit.WireCpu, AlsoOf = pipe, Target = target },
            heraldUs + postgresUs, detail);
        Log($"{key}: {start.Statements.Since(await StatementTimes.ReadAsync(database), operations)}");
        var trims = marks.IdleTrims - start.Herald.IdleTrims;
        if (trims > 0)
        {
            results.Fail($"{key}: Herald ran its idle memory trim {trims} time(s) while this repetition loaded it (Herald:Memory:IdleTrim must wait for a quiet process)");
        }
        return detail;
    }

    /// <summary>How long to wait for deliveries that should arrive at <paramref name="atLeastPerSecond"/>: generous, but bounded.</summary>
    public static TimeSpan Patience(int deliveries, double atLeastPerSecond = 100) =>
        TimeSpan.FromSeconds(Math.Clamp(30 + deliveries / atLeastPerSecond, 30, 600));
}
