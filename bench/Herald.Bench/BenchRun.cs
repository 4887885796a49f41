using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Herald.Bench.Infrastructure;
using Herald.Bench.Report;
using Herald.Bench.Scenarios;
using Herald.Testing.Clients;
using Herald.Testing.Databases;
using Herald.Testing.Processes;
using Herald.Testing.Reports;

namespace Herald.Bench;

/// <summary>
/// One run: a PostgreSQL server of its own (unless --pg), a fresh database, the receiver, Herald in a child process,
/// the scenarios in order, the report.
/// </summary>
public static class BenchRun
{
    public static async Task<int> RunAsync(BenchOptions options)
    {
        var clock = Stopwatch.StartNew();
        var machine = Machine.Describe(options.RepoRoot, options.Label);
        var loadBefore = Machine.LoadAverage();
        var results = new RunResults();
        // The quick form takes 1.5 min on a quiet 2-core machine; a machine at load 40 took more than 3.
        var limit = options.Quick ? TimeSpan.FromMinutes(8) : TimeSpan.FromMinutes(60);
        Console.WriteLine($"Herald bench ({(options.Quick ? "quick" : "full")}{(options.Busy ? ", busy" : "")}{(options.Slow is { } s ? $", slow {s:0.##}" : "")}), {machine.Cores} cores, load {loadBefore}, commit {machine.Commit}");

        // First, so that the PostgreSQL server, Herald and the pipe server are born under the quota too; disposed last.
        using var quota = options.Slow is { } share ? CpuQuota.Start(share) : null;
        await using var server = options.ServerConnectionString is null ? await PrivatePostgres.StartAsync() : null;
        await using var database = await BenchDatabase.CreateAsync(options.ServerConnectionString ?? server!.ConnectionString, options.KeepDatabase);
        machine.PostgreSql = (await database.LinesAsync("select split_part(version(), ' on ', 1)"))[0] + (server is null
            ? ", a shared server (its CPU includes other databases' work)"
            : $", the bench's own server (port {server.Port}, settings of scripts/postgres.sh)");
        await StatementTimes.EnableAsync(database);
        await using var receiver = await Receiver.StartAsync();
        var logs = Path.Combine(options.RepoRoot, ".data", "bench");
        Directory.CreateDirectory(logs);
        var adminKey = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        var logPath = Path.Combine(logs, $"herald-{DateTime.UtcNow:yyyyMMdd-HHmmss}.log");
        var settings = new Dictionary<string, string>(options.HeraldEnvironment)
        {
            ["Herald__Orleans__CollectionAge"] = options.Sizes.CollectionAge.ToString("c", CultureInfo.InvariantCulture),
        };
        await using var herald = await BenchHerald.StartAsync(options.ApiDll, database.ConnectionString, adminKey, logPath, settings);
        await using var pipe = await BenchPipe.StartAsync(database.ConnectionString, receiver, Path.ChangeExtension(logPath, ".pipe.log"), options.Sizes.Concurrency);
        using var burner = options.Busy ? Burner.Start(limit) : null;
        // Ctrl+C, SIGTERM, SIGHUP or any other exit still stops Herald, the burner and the bench's PostgreSQL server.
        using var cleanup = new ExitGuard();
        if (server is not null)
        {
            cleanup.Add(() => server.StopAsync().GetAwaiter().GetResult());
        }
        if (burner is not null)
        {
            cleanup.Add(burner.Dispose);
        }
        cleanup.Add(herald);
        cleanup.Add(pipe.Process);
        var cpu = new CpuMeter(herald.Id, await database.PostmasterPidAsync(), pipe.Process.Id);
        Console.WriteLine($"Herald pid {herald.Id} on {herald.Url} (log {logPath}), pipe server pid {pipe.Process.Id}, database {database.Name}, postmaster pid {cpu.PostmasterPid}" +
                          (burner is null ? "" : $", CPU burner pid {burner.Id}"));
        await using var load = new MachineLoad(cpu.Sample());

        using var apiHttp = new HttpClient(Handler(options.Sizes.Concurrency * 2)) { BaseAddress = herald.Url, Timeout = TimeSpan.FromSeconds(60) };
        // Same per-server connection limit as Herald's delivery client, so the wire limit is measured on equal terms.
        using var raw = new HttpClient(Handler(64)) { Timeout = TimeSpan.FromSeconds(30) };
        var context = new BenchContext(options, database, receiver, herald, new HeraldClient(apiHttp, adminKey), raw, results, cpu, pipe);

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

        await load.FinishAsync(cpu.Sample(), machine.Cores);
        var report = new RunReport(options, machine, results, load, loadBefore, Machine.LoadAverage(), clock.Elapsed);
        if (options.OutputPath is { } output)
        {
            await MarkdownReport.WriteAsync(output, report);
            Console.WriteLine($"Wrote {output}");
        }
        if (options.JsonPath is { } json)
        {
            await JsonReport.WriteAsync(json, report);
            Console.WriteLine($"Wrote {json}");
        }
        Console.WriteLine($"Machine during the run: {load.Summary}");
        Console.WriteLine(results.Failures.Count == 0
            ? $"Done in {clock.Elapsed.TotalSeconds:0} s: no functional failures."
            : $"Done in {clock.Elapsed.TotalSeconds:0} s: {results.Failures.Count} functional failure(s).");
        return results.Failures.Count == 0 ? 0 : 1;
    }

    private static async Task RunScenariosAsync(BenchContext context)
    {
        var options = context.Options;
        var sizes = context.Sizes;
        await Limits.MeasureAsync(context, full: true);
        await WarmUp.RunAsync(context);
        var warm = await MemoryGrowth.AfterWarmUpAsync(context);

        // Each group is repeated, each repetition after the limits it is compared with (full mode).
        if (options.Runs("ingest"))
        {
            context.Log("(1) ingest, then (2) drain and sustained with one webhook");
            for (var round = 1; round <= sizes.Repeats; round++)
            {
                await Limits.MeasureAsync(context, full: false);
                var one = await Ingest.RunAsync(context, round);
                await Drain.ReleaseAsync(context, $"drain-1-{round}", [one]);
                await Sustained.RunAsync(context, "sustained-1", [one], Sustained.Goal, round);
            }
        }
        var capacity = double.NaN;
        IReadOnlyList<BenchEndpoint>? hundred = null;
        if (options.Runs("delivery") || options.Runs("latency") || options.Runs("retry"))
        {
            context.Log("(2) drain and sustained with 100 webhooks");
            hundred = await Topology.CreateAsync(context, "hundred", 1, 100, j => $"bench.h{j}");
            var rates = new List<double>();
            for (var round = 1; round <= sizes.Repeats; round++)
            {
                await Limits.MeasureAsync(context, full: false);
                await Drain.FallDueAsync(context, $"drain-100-{round}", hundred, sizes.DrainPerEndpointAt100);
                rates.Add(await Sustained.RunAsync(context, "sustained-100", hundred, Sustained.Goal, round));
            }
            capacity = Stats.Median(rates);
        }
        if (options.Runs("latency") && hundred is not null)
        {
            context.Log($"(4) latency at fractions of the sustained capacity ({capacity:N0} events/s) and at a fixed rate");
            for (var round = 1; round <= sizes.LatencyRepeats; round++)
            {
                foreach (var rate in Latency.Loads(sizes.LatencyRate))
                {
                    await Latency.RunAsync(context, hundred, rate, capacity, round);
                }
            }
        }
        if (options.Runs("fanout"))
        {
            context.Log("(3) fan-out");
            await Limits.MeasureAsync(context, full: false);
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
            for (var round = 1; round <= sizes.RetryRepeats; round++)
            {
                await Limits.MeasureAsync(context, full: false);
                await Retry.RunAsync(context, "strict", capacity, round);
                if (!options.Quick)
                {
                    await Retry.RunAsync(context, "concurrent", capacity, round);
                }
            }
        }
        if (options.Runs("large"))
        {
            context.Log($"(6) memory, and (2) with {sizes.DrainEndpointsLarge:N0} webhooks");
            await Large.RunAsync(context, sizes.Repeats);
        }
        await Limits.MeasureAsync(context, full: true);
        await MemoryGrowth.AtEndAsync(context, warm);
    }

    private static SocketsHttpHandler Handler(int connections) => new()
    {
        MaxConnectionsPerServer = connections,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        UseCookies = false,
        AllowAutoRedirect = false,
    };
}
