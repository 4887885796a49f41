using System.Diagnostics;
using Herald.Bench.Infrastructure;
using Herald.Bench.Report;

namespace Herald.Bench;

/// <summary>What every scenario works with: the options, the database, the receiver, Herald and its client, the results.</summary>
public sealed class BenchContext(
    BenchOptions options, BenchDatabase database, Receiver receiver, HeraldProcess herald, HeraldClient client, HttpClient raw, RunResults results)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();

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
    public static TimeSpan Patience(int deliveries, double atLeastPerSecond = 100) =>
        TimeSpan.FromSeconds(Math.Clamp(30 + deliveries / atLeastPerSecond, 30, 600));
}
