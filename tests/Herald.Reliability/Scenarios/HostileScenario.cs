using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Herald.Reliability.Chaos;
using Herald.Reliability.Hostile;
using Herald.Reliability.Infrastructure;
using Herald.Testing;
using Herald.Testing.Clients;

namespace Herald.Reliability.Scenarios;

/// <summary>
/// (4) Thousands of hostile requests made from a seed (bad JSON, wrong types, huge and deep bodies, bad and foreign
/// ids, bad query values, invalid UTF-8, broken chunks, header tricks, wrong keys, slow clients) against two
/// accounts: none is answered 5xx, every error is problem+json, no answer to one account shows the other's data, and
/// nothing changes.
/// </summary>
public static class HostileScenario
{
    public const string Name = "4 hostile requests";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan SlowPatience = TimeSpan.FromSeconds(60);

    public static async Task RunAsync(SuiteContext context)
    {
        var database = await context.DatabaseAsync("hostile");
        try
        {
            await using var receiver = await ChaosReceiver.StartAsync(ChaosPlan.None, TimeSpan.FromSeconds(10));
            await using var herald = await new Launcher(context, database.ConnectionString).CohostedAsync("hostile-herald");
            using var admin = new HttpClient { BaseAddress = herald.Url, Timeout = TimeSpan.FromSeconds(30) };
            admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", context.AdminKey);
            var targets = await SetUpAsync(new HeraldClient(admin, context.AdminKey), admin, receiver);
            var before = await SettledSnapshotAsync(admin, database.ConnectionString, targets);
            var arrivalsBefore = receiver.Arrivals.Count;

            var outcomes = await SendAllAsync(context, new HostileGenerator(context.Options.Seed, targets), new RawHttpClient(herald.Url.Port), targets);
            // A write that slipped through may act a moment later (a queued resend, a test send): give it that moment.
            await Task.Delay(TimeSpan.FromSeconds(2));
            var after = await StateSnapshot.TakeAsync(admin, database.ConnectionString, targets);
            HostileReport.Write(context, targets, outcomes, before.Differences(after), receiver.Arrivals.Count - arrivalsBefore, before.Parts);
        }
        finally
        {
            await database.DropAsync();
        }
    }

    /// <summary>Accounts A and B, a webhook and a delivered event each; B's name, URL and data carry its private marker.</summary>
    private static async Task<Targets> SetUpAsync(HeraldClient client, HttpClient admin, ChaosReceiver receiver)
    {
        var made = new Dictionary<string, (string Account, string Key, string Webhook, string Event, string Delivery)>();
        foreach (var side in new[] { "a", "b" })
        {
            var marker = side == "a" ? Targets.PrivateMarkerA : Targets.PrivateMarkerB;
            var (account, key) = await client.CreateAccountAsync($"hostile {marker}");
            var (webhook, _) = await client.CreateWebhookAsync(account, receiver.Url($"/hostile/{marker}"), ["hostile.*"],
                new JsonObject { ["description"] = $"webhook of {marker}" });
            using var http = new HttpClient { BaseAddress = admin.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
            var publisher = new Publisher(http, key);
            var eventId = $"hostile_{side}_event";
            var outcome = await publisher.PublishAsync("hostile.tick", eventId, 0);
            if (!outcome.Accepted)
            {
                throw new InvalidOperationException($"setting up: the publish for account {side} was answered {outcome.Status}: {outcome.Excerpt}");
            }
            var delivery = await Eventually.ReturnsAsync<string?>(() => DeliveryAsync(admin, account, eventId), d => d is not null, TimeSpan.FromSeconds(60),
                $"account {side}'s event is delivered");
            made[side] = (account, key, webhook, eventId, delivery!);
        }
        var (a, b) = (made["a"], made["b"]);
        return new Targets(admin.DefaultRequestHeaders.Authorization!.Parameter!, a.Account, a.Key, a.Webhook, a.Event, a.Delivery,
            b.Account, b.Key, b.Webhook, b.Event, b.Delivery);
    }

    /// <summary>The event's delivery id once it has succeeded; null before.</summary>
    private static async Task<string?> DeliveryAsync(HttpClient admin, string account, string eventId)
    {
        using var document = JsonDocument.Parse(await admin.GetStringAsync($"/v1/events/{eventId}?account_id={account}"));
        var delivery = document.RootElement.GetProperty("deliveries").EnumerateArray().FirstOrDefault();
        return delivery.ValueKind == JsonValueKind.Object && delivery.GetProperty("status").GetString() == "succeeded"
            ? delivery.GetProperty("id").GetString()
            : null;
    }

    /// <summary>A snapshot that a second one, a second later, agrees with: nothing is still settling when the requests start.</summary>
    private static async Task<StateSnapshot> SettledSnapshotAsync(HttpClient admin, string connectionString, Targets targets)
    {
        var last = await StateSnapshot.TakeAsync(admin, connectionString, targets);
        for (var i = 0; i < 15; i++)
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            var next = await StateSnapshot.TakeAsync(admin, connectionString, targets);
            if (last.Differences(next).Count == 0)
            {
                return next;
            }
            last = next;
        }
        throw new InvalidOperationException("Herald's state did not settle before the hostile requests (it changed every second for 15 s).");
    }

    private static async Task<IReadOnlyList<HostileOutcome>> SendAllAsync(SuiteContext context, HostileGenerator generator, RawHttpClient client, Targets targets)
    {
        var sizes = context.Sizes;
        var numbers = context.Options.Replay is { } replay
            ? [replay]
            : Enumerable.Range(1, sizes.HostileRequests).Concat(Enumerable.Range(HostileGenerator.SlowNumbers, sizes.HostileSlowBodies)).ToList();
        context.Log($"hostile: {numbers.Count:N0} requests from seed {context.Options.Seed}" +
            (context.Options.Replay is null ? $" ({sizes.HostileSlowBodies} of them slow clients, sent beside the others)" : ""));
        var outcomes = new ConcurrentBag<HostileOutcome>();
        var clock = Stopwatch.StartNew();
        async Task SendAsync(int number)
        {
            var request = generator.Create(number);
            var wire = request.Request.ToBytes(client.Host);
            var slow = request.StallAfter is not null;
            var response = await client.SendAsync(wire, slow ? SlowPatience : Patience, request.StallPoint(wire), request.HalfClose);
            var outcome = new HostileOutcome(request, wire, response);
            outcomes.Add(outcome);
            if (outcome.IsServerError || context.Options.Replay is not null)
            {
                Console.WriteLine($"  {outcome.Summary}\n    request: {outcome.RequestText(targets, context.Options.Replay is null ? 400 : 100_000)}");
            }
        }
        var slowOnes = Task.WhenAll(numbers.Where(n => n >= HostileGenerator.SlowNumbers).Select(SendAsync));
        await Parallel.ForEachAsync(numbers.Where(n => n < HostileGenerator.SlowNumbers), new ParallelOptions { MaxDegreeOfParallelism = 4 },
            async (n, _) => await SendAsync(n));
        var mainDone = clock.Elapsed;
        await slowOnes;
        if (context.Options.Replay is null)
        {
            context.Results.Figure(Name, "hostile requests per second (4 at a time, slow ones beside)",
                numbers.Count(n => n < HostileGenerator.SlowNumbers) / mainDone.TotalSeconds, "requests/s");
        }
        return [.. outcomes.OrderBy(o => o.Request.Number)];
    }
}
