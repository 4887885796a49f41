using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using Herald.Reliability.Chaos;
using Herald.Reliability.Cluster;
using Herald.Reliability.Infrastructure;
using Herald.Testing.Clients;
using Herald.Testing.Signatures;

namespace Herald.Reliability.Scenarios;

/// <summary>
/// (3) Two silos and an API process (scripts/cluster.sh's layout) under a steady stream of publishes; every
/// <see cref="SuiteSizes.KillEvery"/> the older silo gets SIGKILL and a new one starts in its place: nothing accepted
/// is lost, an event arrives twice only if it was in flight at a kill, and strict webhooks keep acceptance order.
/// </summary>
public static class KillScenario
{
    public const string Name = "3 silo SIGKILL";
    private const int Streams = 3;
    private const int ConcurrentInFlight = 4;
    private static readonly TimeSpan PublishPatience = TimeSpan.FromSeconds(60);

    public static async Task RunAsync(SuiteContext context)
    {
        var (sizes, results) = (context.Sizes, context.Results);
        var database = await context.DatabaseAsync("kill");
        try
        {
            await using var receiver = await ChaosReceiver.StartAsync(ChaosPlan.None, TimeSpan.FromSeconds(10));
            var settings = HeraldSettings.Recovery(sizes);
            foreach (var (key, value) in HeraldSettings.FastFailover)
            {
                settings[key] = value;
            }
            var launcher = new Launcher(context, database.ConnectionString, settings);
            await using var silos = new SiloCluster(launcher, context);
            await silos.StartAsync();
            await using var api = await launcher.ClientApiAsync("kill-api");
            using var http = new HttpClient { BaseAddress = api.Url, Timeout = TimeSpan.FromSeconds(35) };
            var client = new HeraldClient(http, context.AdminKey);

            var streams = new List<(Publisher Publisher, string Strict, string Concurrent)>();
            var keys = new List<string>();
            for (var k = 0; k < Streams; k++)
            {
                // An account per stream, so the publishes' account grains spread over the silos too.
                var (accountId, accountKey) = await client.CreateAccountAsync($"kill {k}");
                keys.Add(accountKey);
                var strict = $"/kill/{k}/strict";
                var concurrent = $"/kill/{k}/concurrent";
                foreach (var (path, extra) in new[] { (strict, (JsonObject?)null), (concurrent, new JsonObject { ["ordering"] = "concurrent", ["max_in_flight"] = ConcurrentInFlight }) })
                {
                    var (_, secret) = await client.CreateWebhookAsync(accountId, receiver.Url(path), [$"kill.s{k}.*"], extra);
                    receiver.Keys[path] = StandardWebhooks.DecodeSecret(secret);
                }
                streams.Add((new Publisher(http, accountKey), strict, concurrent));
            }

            var clock = Stopwatch.StartNew();
            var refusals = new List<PublishOutcome>();
            var accepted = new ConcurrentDictionary<int, List<string>>();
            context.Log($"kill: {sizes.KillRate} publishes/s over {Streams} streams for {sizes.KillRun.TotalSeconds:0} s; a silo killed every {sizes.KillEvery.TotalSeconds:0} s");
            var killing = KillAllAsync(silos, sizes, clock);
            // Publishing goes on until the run's time is up and the last kill's replacement has come up (it may take longer than planned on a busy machine).
            await Task.WhenAll(Enumerable.Range(0, Streams).Select(k =>
                PublishStreamAsync(streams[k].Publisher, k, (double)sizes.KillRate / Streams, () => clock.Elapsed < sizes.KillRun || !killing.IsCompleted,
                    accepted.GetOrAdd(k, _ => []), refusals)));
            await killing;
            context.Log($"kill: {accepted.Values.Sum(a => a.Count):N0} publishes accepted; waiting for the deliveries");

            var expected = new Dictionary<string, IReadOnlyList<string>>();
            for (var k = 0; k < Streams; k++)
            {
                expected[streams[k].Strict] = accepted[k];
                expected[streams[k].Concurrent] = accepted[k];
            }
            var check = new ArrivalCheck(receiver, expected);
            var missing = await check.WaitAsync(TimeSpan.FromSeconds(240), sizes.DeliveryStall);
            var statuses = new Dictionary<string, int>();
            for (var k = 0; k < Streams; k++)
            {
                foreach (var (status, count) in await new RecordedDeliveries(http, keys[k]).WaitSucceededAsync(accepted[k], TimeSpan.FromSeconds(30)))
                {
                    statuses[status] = statuses.GetValueOrDefault(status) + count;
                }
            }
            Report(context, silos.Kills, check, missing, statuses, streams.Select(s => s.Strict).ToList(), refusals);
        }
        finally
        {
            await database.DropAsync();
        }
    }

    /// <summary>A kill every <see cref="SuiteSizes.KillEvery"/> of the run, each once the previous replacement is ready; then the last replacement's start.</summary>
    private static async Task KillAllAsync(SiloCluster silos, SuiteSizes sizes, Stopwatch clock)
    {
        for (var next = sizes.KillEvery; next < sizes.KillRun; next += sizes.KillEvery)
        {
            if (next > clock.Elapsed)
            {
                await Task.Delay(next - clock.Elapsed);
            }
            await silos.KillAndReplaceAsync(clock);
        }
        await silos.WaitReadyAsync();
    }

    /// <summary>One publisher's stream: event n is due at n / rate, sent again with the same id until accepted, then the next.</summary>
    private static async Task PublishStreamAsync(
        Publisher publisher, int stream, double perSecond, Func<bool> goOn, List<string> accepted, List<PublishOutcome> refusals)
    {
        var clock = Stopwatch.StartNew();
        for (var n = 0; goOn(); n++)
        {
            var due = TimeSpan.FromSeconds(n / perSecond);
            if (due > clock.Elapsed)
            {
                await Task.Delay(due - clock.Elapsed);
            }
            var id = $"kill_s{stream}_{n:D6}";
            if (!await publisher.PublishUntilAcceptedAsync($"kill.s{stream}.tick", id, n, PublishPatience, refusals))
            {
                return; // not accepted within a minute: the refusals tell why; the stream stops rather than skip a place
            }
            accepted.Add(id);
        }
    }

    private static void Report(
        SuiteContext context, IReadOnlyList<TimeSpan> kills, ArrivalCheck check, IReadOnlyList<(string Path, string EventId)> missing,
        IReadOnlyDictionary<string, int> statuses, IReadOnlyList<string> strict, IReadOnlyList<PublishOutcome> refusals)
    {
        var results = context.Results;
        var expectedKills = (int)Math.Ceiling(context.Sizes.KillRun / context.Sizes.KillEvery) - 1;
        results.Check(Name, $"a silo is killed every {context.Sizes.KillEvery.TotalSeconds:0} s (or once the last replacement is ready, if later), publishes going on",
            kills.Count >= expectedKills, $"{kills.Count} kills, at {string.Join(", ", kills.Select(k => $"{k.TotalSeconds:0} s"))}");
        results.Check(Name, "nothing accepted is lost (every event arrives at every webhook, recorded as succeeded)",
            missing.Count == 0 && statuses.Keys.All(k => k == RecordedDeliveries.Succeeded),
            $"{check.Expected - missing.Count:N0} of {check.Expected:N0} deliveries arrived; recorded: {RecordedDeliveries.Describe(statuses)}" +
            (missing.Count == 0 ? "" : $"; missing e.g. {check.Describe(missing)}"));
        var duplicates = check.Duplicates();
        var over = duplicates.Where(d => d.Value > kills.Count * (strict.Contains(d.Key) ? 1 : ConcurrentInFlight)).ToList();
        results.Check(Name, "an event arrives twice only if it was in flight at a kill (per webhook: kills × its in-flight limit)", over.Count == 0,
            $"{duplicates.Values.Sum()} repeated arrivals; bound {kills.Count} per strict and {kills.Count * ConcurrentInFlight} per concurrent webhook" +
            (over.Count == 0 ? "" : $"; over it: {string.Join(", ", over.Select(o => $"{o.Key} {o.Value}"))}"));
        var outOfOrder = check.OutOfOrder(strict);
        results.Check(Name, "strict webhooks: first arrivals in acceptance order", outOfOrder.Count == 0,
            outOfOrder.Count == 0 ? $"{strict.Count} strict webhooks in order" : string.Join("; ", outOfOrder));
        var byStatus = refusals.GroupBy(r => r.Status).OrderBy(g => g.Key).Select(g => $"{(g.Key == 0 ? "no answer" : g.Key.ToString(System.Globalization.CultureInfo.InvariantCulture))}: {g.Count()}");
        results.Check(Name, "a publish refused while a silo is down is answered 503, never 500 (DESIGN.md §8)", refusals.All(r => r.Status == 503),
            refusals.Count == 0 ? "no publish was refused" : $"refusals (each retried with the same id): {string.Join(", ", byStatus)}");
        results.Figure(Name, "repeated arrivals per webhook", string.Join(", ", duplicates.Where(d => d.Value > 0).Select(d => $"{d.Key} {d.Value}")) is { Length: > 0 } list ? list : "none");
    }
}
