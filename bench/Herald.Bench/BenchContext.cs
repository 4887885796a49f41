using System.Diagnostics;
using Herald.Bench.Infrastructure;
using Herald.Bench.Report;
using Herald.Testing.Clients;
using Herald.Testing.Processes;

namespace Herald.Bench;

/// <summary>What every scenario works with: the options, the database, the receiver, Herald and its client, the results.</summary>
public sealed class BenchContext(
    BenchOptions options, BenchDatabase database, Receiver receiver, HeraldProcess herald, HeraldClient client, HttpClient raw, RunResults results)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    /// <summary>CPU used by Herald and by PostgreSQL for the bench database.</summary>
    public CpuMeter Cpu { get; } = new(herald, database);

    public BenchOptions Options => options;
    public Sizes Sizes => options.Sizes;
    public BenchDatabase Database => database;
    public Receiver Receiver => receiver;
    public HeraldProcess Herald => herald;
    public HeraldClient Client => client;

    /// <summary>A pooled client for plain requests (the wire baseline).</summary>
    public HttpClient Raw => raw;

    public RunResults Results => results;

    public void Log(string message) => Console.WriteLine($"[{_clock.Elapsed:mm\\:ss}] {message}");

    /// <summary>How long to wait for deliveries that should arrive at <paramref name="atLeastPerSecond"/>: generous, but bounded.</summary>
    /// <summary>A figure row for the CPU that <paramref name="operations"/> cost since <paramref name="start"/>.</summary>
    public async Task<Figure> CpuFigureAsync(string scenario, string what, CpuSample start, long operations)
    {
        var (heraldMs, postgresMs) = (await Cpu.SampleAsync()).PerThousand(start, operations);
        return new Figure(scenario, $"CPU per 1,000 {what}: Herald + PostgreSQL", $"{RunResults.Number(heraldMs)} + {RunResults.Number(postgresMs)}", "ms");
    }

    public static TimeSpan Patience(int deliveries, double atLeastPerSecond = 100) =>
        TimeSpan.FromSeconds(Math.Clamp(30 + deliveries / atLeastPerSecond, 30, 600));
}
