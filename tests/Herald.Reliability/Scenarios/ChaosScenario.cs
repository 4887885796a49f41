using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Herald.Reliability.Chaos;
using Herald.Reliability.Infrastructure;
using Herald.Testing.Clients;
using Herald.Testing.Processes;
using Herald.Testing.Signatures;

namespace Herald.Reliability.Scenarios;

/// <summary>
/// (1) Strict and concurrent webhooks on a receiver that fails most deliveries a few times in every way it can
/// (500, 429 + Retry-After, hangs past the timeout, resets, slow and truncated bodies, 50 MB answers) before it takes
/// them: every accepted event arrives, strict webhooks' first arrivals keep acceptance order, and Herald's memory
/// stays bounded while 50 MB answers come in. Then a receiver that answers 200 with a binary body, beside a plain one.
/// </summary>
public static class ChaosScenario
{
    public const string Name = "1 chaos receivers";
    private const int TimeoutSeconds = 2;
    private const int MaxInFlight = 8;

    /// <summary>
    /// Herald keeps at most 1 KiB of an answer (its excerpt) and drops the connection: a process that read a 50 MB
    /// answer whole would hold 50 MB more per answer in flight, and <see cref="HugeInFlight"/> are in flight at once.
    /// The bound leaves room for the heap's own growth and is below what two answers read whole would take.
    /// </summary>
    public const long RssGrowthBound = 96L * 1024 * 1024;

    private const int HugeInFlight = 8;

    private static readonly string[] Schedule = ["200ms", "500ms", "1s", "1s", "1s", "1s", "1s", "1s"];

    public static async Task RunAsync(SuiteContext context)
    {
        var database = await context.DatabaseAsync("chaos");
        try
        {
            await using var receiver = await ChaosReceiver.StartAsync(new ChaosPlan(context.Options.Seed), TimeSpan.FromSeconds(TimeoutSeconds));
            await using var herald = await new Launcher(context, database.ConnectionString, HeraldSettings.Recovery(context.Sizes)).CohostedAsync("chaos-herald");
            using var http = new HttpClient { BaseAddress = herald.Url, Timeout = TimeSpan.FromSeconds(30) };
            var client = new HeraldClient(http, context.AdminKey);
            var (accountId, accountKey) = await client.CreateAccountAsync("chaos");
            var publisher = new Publisher(http, accountKey);
            var recorded = new RecordedDeliveries(http, accountKey);
            await FaultsAsync(context, herald, receiver, client, accountId, publisher, recorded);
            await HugeAnswersAsync(context, herald, receiver, client, accountId, publisher, recorded);
            await BinaryAnswersAsync(context, receiver, client, accountId, publisher, recorded);
        }
        finally
        {
            await database.DropAsync();
        }
    }

    private static async Task FaultsAsync(
        SuiteContext context, HeraldProcess herald, ChaosReceiver receiver, HeraldClient client, string accountId, Publisher publisher,
        RecordedDeliveries recorded)
    {
        var (sizes, results) = (context.Sizes, context.Results);
        var strict = Enumerable.Range(0, sizes.ChaosStrictWebhooks).Select(i => $"/strict/{i}").ToList();
        var concurrent = Enumerable.Range(0, sizes.ChaosConcurrentWebhooks).Select(i => $"/concurrent/{i}").ToList();
        await WebhooksAsync(receiver, client, accountId, "chaos.*", strict, concurrent);

        var rssBefore = herald.WorkingSet();
        await using var rss = new RssSampler(herald);
        var clock = Stopwatch.StartNew();
        context.Log($"chaos: publishing {sizes.ChaosEvents} events to {strict.Count} strict and {concurrent.Count} concurrent webhooks (Herald pid {herald.Id})");
        var (accepted, refusals) = await PublishAsync(publisher, "chaos", sizes.ChaosEvents);
        var check = new ArrivalCheck(receiver, strict.Concat(concurrent).ToDictionary(p => p, _ => accepted));
        var missing = await check.WaitAsync(TimeSpan.FromSeconds(sizes.ChaosEvents * 2 + 60), TimeSpan.FromSeconds(30));
        var drained = clock.Elapsed;
        await rss.StopAsync();
        var statuses = await recorded.WaitSucceededAsync(accepted, TimeSpan.FromSeconds(30));

        var arrivals = receiver.Arrivals;
        results.Check(Name, "every accepted event arrives (at least once) at every webhook", missing.Count == 0 && accepted.Count == sizes.ChaosEvents,
            $"{accepted.Count:N0} of {sizes.ChaosEvents:N0} publishes accepted; {check.Expected - missing.Count:N0} of {check.Expected:N0} deliveries taken" +
            (missing.Count == 0 ? "" : $"; missing e.g. {check.Describe(missing)}"));
        results.Check(Name, "Herald records every delivery as succeeded", statuses.Keys.All(k => k == RecordedDeliveries.Succeeded),
            $"deliveries by status: {RecordedDeliveries.Describe(statuses)}");
        var outOfOrder = check.OutOfOrder(strict);
        results.Check(Name, "strict webhooks: first arrivals in acceptance order", outOfOrder.Count == 0,
            outOfOrder.Count == 0 ? $"{strict.Count} strict webhooks × {accepted.Count:N0} events in order" : string.Join("; ", outOfOrder));
        results.Figure(Name, "Herald's RSS during the faults (50 MB answers among them)",
            $"{Mib(rssBefore)} before, peak {Mib(rss.Peak)} (+{Mib(rss.Peak - rssBefore)}); {arrivals.Count(a => a.Answer.IsHuge()):N0} answers of 50 MB, up to {receiver.MostHugeAtOnce} at once");
        results.Check(Name, "every request carries a valid Standard Webhooks signature", check.BadSignatures == 0,
            $"{check.BadSignatures} of {arrivals.Count:N0} requests did not verify");

        results.Figure(Name, "requests answered, by answer", string.Join(", ", arrivals.GroupBy(a => a.Answer).OrderBy(g => g.Key)
            .Select(g => $"{g.Key} {g.Count().ToString("N0", CultureInfo.InvariantCulture)}")));
        results.Figure(Name, "deliveries taken again after the receiver took them, by the answer that took them first",
            string.Join(", ", check.RetakenAfter().Select(r => $"{r.Key} {r.Value}")) is { Length: > 0 } retaken ? retaken : "none");
        results.Figure(Name, "first publish to last delivery", drained.TotalSeconds, "s", "0.0");
        results.Figure(Name, "refused publishes (retried with the same id)", refusals.Count, "");
    }

    /// <summary>
    /// A concurrent webhook whose receiver answers every delivery with 50 MB, <see cref="HugeInFlight"/> at a time,
    /// once Herald's heap has grown with the faults above: its RSS must not grow by what reading them would take.
    /// </summary>
    private static async Task HugeAnswersAsync(
        SuiteContext context, HeraldProcess herald, ChaosReceiver receiver, HeraldClient client, string accountId, Publisher publisher, RecordedDeliveries recorded)
    {
        var path = ChaosPlan.HugePaths + "0";
        var events = HugeInFlight * 3;
        var webhook = (await WebhooksAsync(receiver, client, accountId, "huge.*", [], [path], HugeInFlight))[0];
        // Queued while the webhook is paused, so that resuming it starts HugeInFlight deliveries at once.
        await client.DisableAsync(webhook);
        var (accepted, _) = await PublishAsync(publisher, "huge", events);
        context.Log($"chaos: {events} events to a webhook answering 50 MB each, {HugeInFlight} in flight");
        var rssBefore = herald.WorkingSet();
        receiver.ResetMostHugeAtOnce();
        await using var rss = new RssSampler(herald);
        await client.EnableAsync(webhook);
        var missing = await new ArrivalCheck(receiver, new Dictionary<string, IReadOnlyList<string>> { [path] = accepted })
            .WaitAsync(TimeSpan.FromSeconds(120), TimeSpan.FromSeconds(30));
        await recorded.WaitSucceededAsync(accepted, TimeSpan.FromSeconds(10));
        await rss.StopAsync();
        var growth = rss.Peak - rssBefore;
        context.Results.Check(Name, $"Herald's RSS stays within {Mib(RssGrowthBound)} of where it was while it reads 50 MB answers, {HugeInFlight} at once",
            growth <= RssGrowthBound && missing.Count == 0,
            $"RSS {Mib(rssBefore)} before, peak {Mib(rss.Peak)} (+{Mib(growth)}) over {rss.Samples:N0} samples; " +
            $"{receiver.Arrivals.Count(a => a.Path == path):N0} answers of 50 MB for {accepted.Count} events, up to {receiver.MostHugeAtOnce} being written at once" +
            (missing.Count == 0 ? "" : $"; {missing.Count} events not taken"));
    }

    /// <summary>
    /// A strict webhook whose receiver takes every event with a 200 and a short binary body (NUL bytes, invalid
    /// UTF-8), and a plain strict webhook beside it on the same events: both get every event.
    /// </summary>
    private static async Task BinaryAnswersAsync(
        SuiteContext context, ChaosReceiver receiver, HeraldClient client, string accountId, Publisher publisher, RecordedDeliveries recorded)
    {
        var events = Math.Max(10, context.Sizes.ChaosEvents / 10);
        var binary = ChaosPlan.BinaryPaths + "0";
        const string plain = "/plain/0";
        await WebhooksAsync(receiver, client, accountId, "binary.*", [binary, plain], []);
        context.Log($"chaos: {events} events to a webhook answering binary bodies and to a plain one");
        var (accepted, _) = await PublishAsync(publisher, "binary", events);
        var check = new ArrivalCheck(receiver, new Dictionary<string, IReadOnlyList<string>> { [binary] = accepted, [plain] = accepted });
        var missing = await check.WaitAsync(TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(20));
        var statuses = await recorded.WaitSucceededAsync(accepted, TimeSpan.FromSeconds(10));
        var sent = receiver.Arrivals.Count(a => a.Path == binary);
        context.Results.Check(Name, "a 200 with a binary body (NUL bytes) takes the event and is recorded; the webhook beside it goes on",
            missing.Count == 0 && statuses.Keys.All(k => k == RecordedDeliveries.Succeeded),
            $"the binary webhook got {sent} requests for {accepted.Count} events; taken: binary {accepted.Count - missing.Count(m => m.Path == binary)}, " +
            $"plain {accepted.Count - missing.Count(m => m.Path == plain)} of {accepted.Count}; deliveries by status: {RecordedDeliveries.Describe(statuses)}" +
            (missing.Count == 0 ? "" : $"; missing e.g. {check.Describe(missing)}"));
    }

    /// <summary>Registers a webhook at each path, strict or concurrent, with the scenario's timeout and fast retries; answers their ids.</summary>
    private static async Task<IReadOnlyList<string>> WebhooksAsync(
        ChaosReceiver receiver, HeraldClient client, string accountId, string events, IEnumerable<string> strict, IEnumerable<string> concurrent,
        int maxInFlight = MaxInFlight)
    {
        var ids = new List<string>();
        foreach (var (path, isConcurrent) in strict.Select(p => (p, false)).Concat(concurrent.Select(p => (p, true))))
        {
            var settings = new JsonObject
            {
                ["timeout_seconds"] = TimeoutSeconds,
                ["retry"] = new JsonObject { ["schedule"] = new JsonArray([.. Schedule.Select(s => JsonValue.Create(s))]) },
            };
            if (isConcurrent)
            {
                settings["ordering"] = "concurrent";
                settings["max_in_flight"] = maxInFlight;
            }
            var (id, secret) = await client.CreateWebhookAsync(accountId, receiver.Url(path), [events], settings);
            receiver.Keys[path] = StandardWebhooks.DecodeSecret(secret);
            ids.Add(id);
        }
        return ids;
    }

    /// <summary>Publishes <paramref name="count"/> events one after the other: their acceptance order is their number.</summary>
    private static async Task<(IReadOnlyList<string> Accepted, List<PublishOutcome> Refusals)> PublishAsync(Publisher publisher, string prefix, int count)
    {
        var accepted = new List<string>();
        var refusals = new List<PublishOutcome>();
        for (var n = 0; n < count; n++)
        {
            var id = $"{prefix}_{n:D5}";
            if (await publisher.PublishUntilAcceptedAsync($"{prefix}.tick", id, n, TimeSpan.FromSeconds(30), refusals))
            {
                accepted.Add(id);
            }
        }
        return (accepted, refusals);
    }

    private static string Mib(long bytes) => $"{bytes / 1024.0 / 1024.0:0} MiB";
}
