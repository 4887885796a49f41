using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Herald.Bench.Infrastructure;
using Herald.Bench.Report;
using Herald.Testing.Reports;
using Herald.Bench.Scenarios;
using Herald.Testing.Clients;
using Herald.Testing.Processes;

namespace Herald.Bench;

/// <summary>One run: a fresh database, the receiver, Herald in a child process, the scenarios in order, the report.</summary>
public static class BenchRun
{
    public static async Task<int> RunAsync(BenchOptions options)
    {
        var clock = Stopwatch.StartNew();
        var machine = Machine.Describe(options.RepoRoot);
        var loadBefore = Machine.LoadAverage();
        var results = new RunResults();
        var limit = options.Quick ? TimeSpan.FromMinutes(3) : TimeSpan.FromMinutes(40);
        Console.WriteLine($"Herald bench ({(options.Quick ? "quick" : "full")}), {machine.Cores} cores, load {loadBefore}, commit {machine.Commit}");

        await using var database = await BenchDatabase.CreateAsync(options.ServerConnectionString, options.KeepDatabase);
        machine.PostgreSql = (await database.LinesAsync("select split_part(version(), ' on ', 1)"))[0];
        await using var receiver = await Receiver.StartAsync();
        var logs = Path.Combine(options.RepoRoot, ".data", "bench");
        Directory.CreateDirectory(logs);
        var adminKey = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        var logPath = Path.Combine(logs, $"herald-{DateTime.UtcNow:yyyyMMdd-HHmmss}.log");
        await using var herald = await BenchHerald.StartAsync(options.ApiDll, database.ConnectionString, adminKey, logPath, new Dictionary<string, string>
        {
            ["Herald__Orleans__CollectionAge"] = options.Sizes.CollectionAge.ToString("c", CultureInfo.InvariantCulture),
        });
        Console.WriteLine($"Herald pid {herald.Id} on {herald.Url} (log {logPath}), database {database.Name}");
        using var cleanup = new ExitGuard();
        cleanup.Add(herald);

        using var apiHttp = new HttpClient(Handler(options.Sizes.Concurrency * 2)) { BaseAddress = herald.Url, Timeout = TimeSpan.FromSeconds(60) };
        // Same per-server connection limit as Herald's delivery client, so the wire limit is measured on equal terms.
        using var raw = new HttpClient(Handler(64)) { Timeout = TimeSpan.FromSeconds(30) };
        var context = new BenchContext(options, database, receiver, herald, new HeraldClient(apiHttp, adminKey), raw, results);

        var run = RunScenariosAsync(context);
        if (await Task.WhenAny(run, Task.Delay(limit)) != run)
        {
            results.Fail($"the run did not finish within {limit.TotalMinutes:0} min and was stopped");
        }
        else if (run.Exception?.GetBaseException() is { } exception)
        {
            results.Fail($"the run stopped: {exception.GetType().Name}: {exception.Message}");
            Console.WriteLine(exception);
            Console.WriteLine(herald.Tail(30));
        }

        var loadAfter = Machine.LoadAverage();
        if (options.OutputPath is { } output)
        {
            await MarkdownReport.WriteAsync(output, options, machine, results, loadBefore, loadAfter, clock.Elapsed);
            Console.WriteLine($"Wrote {output}");
        }
        Console.WriteLine(results.Failures.Count == 0
            ? $"Done in {clock.Elapsed.TotalSeconds:0} s: no functional failures."
            : $"Done in {clock.Elapsed.TotalSeconds:0} s: {results.Failures.Count} functional failure(s).");
        return results.Failures.Count == 0 ? 0 : 1;
    }

    private static async Task RunScenariosAsync(BenchContext context)
    {
        var options = context.Options;
        var sizes = context.Sizes;
        await Baselines(context, full: true);
        await WarmUp.RunAsync(context);

        if (options.Runs("ingest"))
        {
            context.Log("(1) ingest, then (2) drain and sustained with one webhook");
            await Baselines(context);
            var one = await Ingest.RunAsync(context);
            // A strict queue has one message in flight: its bound is one round trip at a time, not the wire at 64.
            var serial = await WireBaseline.RunAsync(context, 100, sizes.WireRequests / 10, concurrency: 1);
            context.Results.Add(new Figure("2 delivery", "wire limit one request at a time (the bound of a single strict queue)",
                RunResults.Number(serial), "requests/s"));
            await Drain.ReleaseAsync(context, "drain-1", [one]);
            await Sustained.RunAsync(context, "sustained-1", [one]);
        }
        var cleanRate = double.NaN;
        IReadOnlyList<BenchEndpoint>? hundred = null;
        if (options.Runs("delivery") || options.Runs("latency") || options.Runs("retry"))
        {
            context.Log("(2) drain and sustained with 100 webhooks");
            await Baselines(context);
            hundred = await Topology.CreateAsync(context, "hundred", 1, 100, j => $"bench.h{j}");
            await Drain.FallDueAsync(context, "drain-100", hundred, sizes.DrainPerEndpointAt100);
            cleanRate = await Sustained.RunAsync(context, "sustained-100", hundred);
        }
        if (options.Runs("latency") && hundred is not null)
        {
            context.Log("(4) latency at a fixed rate");
            await Latency.RunAsync(context, hundred);
        }
        if (options.Runs("fanout"))
        {
            context.Log("(3) fan-out");
            await Baselines(context);
            await FanOut.RunAsync(context);
        }
        if (options.Runs("backlog"))
        {
            context.Log("(5) enqueue cost with a backlog");
            await Backlog.RunAsync(context);
        }
        if (options.Runs("retry"))
        {
            context.Log("(7) retry load");
            await Baselines(context);
            await Retry.RunAsync(context, "strict", cleanRate);
            if (!options.Quick)
            {
                await Retry.RunAsync(context, "concurrent", cleanRate);
            }
        }
        if (options.Runs("large"))
        {
            context.Log($"(6) memory, and (2) with {sizes.DrainEndpointsLarge:N0} webhooks");
            await Baselines(context);
            await Large.RunAsync(context);
        }
        await Baselines(context, full: true);
    }

    private static int _baselineRuns;

    /// <summary>
    /// Both limits, measured now: in full at the start and at the end, and (full mode) in a shorter form before each
    /// group of scenarios, whose ratios then use them.
    /// </summary>
    private static async Task Baselines(BenchContext context, bool full = false)
    {
        if (context.Options.SkipBaselines || (!full && context.Options.Quick))
        {
            return;
        }
        var run = ++_baselineRuns;
        var sizes = context.Sizes;
        context.Log($"baselines, run {run}");
        await DatabaseBaseline.RunAsync(context, run, full ? sizes.DatabaseRows : sizes.DatabaseRows / 5);
        context.Results.WireRuns.Add(await WireBaseline.RunAsync(context, run, full ? sizes.WireRequests : sizes.WireRequests / 3));
    }

    private static SocketsHttpHandler Handler(int connections) => new()
    {
        MaxConnectionsPerServer = connections,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        UseCookies = false,
        AllowAutoRedirect = false,
    };
}
