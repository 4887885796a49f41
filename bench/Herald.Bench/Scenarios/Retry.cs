using System.Diagnostics;
using System.Text.Json.Nodes;
using Herald.Bench.Infrastructure;
using Herald.Bench.Report;
using Herald.Testing;
using Herald.Testing.Databases;

namespace Herald.Bench.Scenarios;

/// <summary>
/// (7) Retry load: the receiver answers 500 to every tenth request; webhooks retry after 1 s. Measures the delivery
/// rate until every event has succeeded, and the writes to Orleans' reminder table (counted by a trigger in the bench
/// database) per 1,000 retries.
/// </summary>
public static class Retry
{
    public static async Task RunAsync(BenchContext context, string ordering, double cleanRate, int round)
    {
        var sizes = context.Sizes;
        var name = $"retry-{ordering}-{round}";
        var endpoints = await Topology.CreateAsync(context, name, 1, sizes.RetryEndpoints, j => $"bench.r{j}", () =>
        {
            var settings = new JsonObject
            {
                ["retry"] = new JsonObject { ["schedule"] = new JsonArray([.. Enumerable.Repeat("1s", 8).Select(s => JsonValue.Create(s))]) },
                ["ordering"] = ordering,
            };
            if (ordering == "concurrent")
            {
                settings["max_in_flight"] = 16;
            }
            return settings;
        });
        await context.Database.ExecuteAsync(ReminderTable.CountWritesSql);
        var writesBefore = await context.Database.ScalarAsync<long>(ReminderTable.WritesSql);

        var tracker = context.Receiver.Track(new Tracker(fail: n => n % 10 == 0));
        var start = Stopwatch.GetTimestamp();
        var publish = await Load.ClosedAsync(sizes.RetryEvents, sizes.Concurrency, TimeSpan.FromSeconds(120), i =>
        {
            var endpoint = endpoints[i % endpoints.Count];
            return context.Client.PublishAsync(endpoint.AccountKey, Payloads.Publish(endpoint.EventType, $"{name}-{i:D7}", i));
        });
        if (publish.Failed > 0)
        {
            context.Results.Fail($"{name}: {publish.Failed:N0} publishes were not accepted ({publish.FirstError})");
        }
        var expected = (int)publish.Ok;
        var arrived = await tracker.WaitForAsync(expected, BenchContext.Patience(expected, 50));
        var seconds = Stopwatch.GetElapsedTime(start, tracker.LastArrival).TotalSeconds;
        DeliveryCheck.Completeness(context, name, tracker, expected, arrived);
        // Reminders are dropped when queues empty: wait (bounded) for the last ones to go before counting.
        await WaitForNoRemindersAsync(context, endpoints, TimeSpan.FromSeconds(context.Options.Quick ? 5 : 20));
        var writes = await context.Database.ScalarAsync<long>(ReminderTable.WritesSql) - writesBefore;

        var rate = tracker.Delivered.Count / seconds;
        var retries = tracker.AnsweredFailure;
        var results = context.Results;
        var clean = double.IsNaN(cleanRate) ? "" : $"; {rate / cleanRate:0.00}× the sustained rate without failures";
        results.Record(new Figure($"retry.{ordering}", "7 retry", $"{ordering} order, 10% of attempts answered 500, retry after 1 s, {endpoints.Count:N0} webhooks", "deliveries/s")
        {
            RatioOf = Limit.Wire,
        }, rate, $"{retries:N0} retries{clean}");
        results.Record(new Figure($"retry.reminders.{ordering}", "7 retry", $"reminder writes per 1,000 retries ({ordering})", "writes") { Format = "N1" },
            retries == 0 ? double.NaN : writes * 1000.0 / retries, $"{writes:N0} writes");
        context.Log($"{name}: {tracker.Delivered.Count:N0} delivered in {seconds:0.0} s with {retries:N0} retries, {writes:N0} reminder writes");
    }

    private static Task WaitForNoRemindersAsync(BenchContext context, IReadOnlyList<BenchEndpoint> endpoints, TimeSpan limit)
    {
        var keys = endpoints.Select(e => e.WebhookId).ToArray();
        return Eventually.HoldsAsync(
            async () => await context.Database.ScalarAsync<long>(ReminderTable.CountForKeysSql, ("keys", keys)) == 0,
            limit, TimeSpan.FromMilliseconds(250));
    }
}
