using System.Diagnostics;
using Herald.Bench.Infrastructure;
using Herald.Bench.Report;

namespace Herald.Bench.Scenarios;

/// <summary>
/// (5) Backlog: the cost of one enqueue (a publish, one at a time) for a webhook whose queue holds a large backlog
/// against one whose queue is empty. Both are paused, so the backlog stays put; probes alternate between them so
/// that a busy machine slows both alike.
/// </summary>
public static class Backlog
{
    public static async Task RunAsync(BenchContext context)
    {
        var sizes = context.Sizes;
        var endpoints = await Topology.CreateAsync(context, "backlog", 1, 2, j => j == 0 ? "bench.full" : "bench.empty");
        var (full, empty) = (endpoints[0], endpoints[1]);
        await context.Client.DisableAsync(full.WebhookId);
        await context.Client.DisableAsync(empty.WebhookId);
        var load = Stopwatch.StartNew();
        await Preload.QueueAsync(context.Database, [full], sizes.BacklogDepth, "backlog", "held");
        context.Log($"backlog: {sizes.BacklogDepth:N0} messages queued for one webhook in {load.Elapsed.TotalSeconds:0.0} s (SQL)");

        var toFull = new List<double>();
        var toEmpty = new List<double>();
        for (var i = -20; i < sizes.BacklogProbes; i++)
        {
            foreach (var (endpoint, samples) in new[] { (full, toFull), (empty, toEmpty) })
            {
                var start = Stopwatch.GetTimestamp();
                if (!await context.Client.PublishAsync(endpoint.AccountKey, Payloads.Publish(endpoint.EventType, $"probe-{endpoint.EventType}-{i}", i)))
                {
                    context.Results.Fail("backlog: a publish was not accepted");
                    return;
                }
                if (i >= 0)
                {
                    samples.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                }
            }
        }
        var emptyP50 = Stats.Median(toEmpty);
        var fullP50 = Stats.Median(toFull);
        var ratio = fullP50 / emptyP50;
        var results = context.Results;
        results.Add(new Figure("5 backlog", $"enqueue (publish → 202, one at a time) to an empty queue: p50 / p99",
            $"{DeliveryCheck.Ms(emptyP50)} / {DeliveryCheck.Ms(Stats.Percentile(toEmpty, 99))}", "ms"));
        results.Add(new Figure("5 backlog", $"enqueue to a queue of {sizes.BacklogDepth:N0}: p50 / p99",
            $"{DeliveryCheck.Ms(fullP50)} / {DeliveryCheck.Ms(Stats.Percentile(toFull, 99))}", "ms"));
        results.Add(new Figure("5 backlog", $"enqueue cost at {sizes.BacklogDepth:N0} queued ÷ empty (p50)",
            ratio.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture), "×", Target: "≤ 1.5", Met: ratio <= 1.5));

        // Evidence: the statements that touch the deep queue, planned and run against it.
        foreach (var (title, sql) in new[]
        {
            ("queue head (strict drain's peek)", """
                explain (analyze, buffers, costs off)
                select d.delivery_id, d.event_id, e.event_type, e.body, d.attempts, d.budget_start, d.next_attempt_at
                from herald_deliveries d join herald_events e on e.account_id = d.account_id and e.event_id = d.event_id
                where d.endpoint_id = @endpoint and d.status = 'pending' order by d.seq limit 16
                """),
            ("hold (run on every wake of a paused webhook)", """
                explain (analyze, buffers, costs off)
                update herald_deliveries set status = 'held' where endpoint_id = @endpoint and status = 'pending'
                """),
        })
        {
            var plan = await context.Database.LinesAsync(sql, ("endpoint", full.WebhookId));
            results.Evidence.Add(($"Backlog of {sizes.BacklogDepth:N0}: {title}", plan));
        }
    }
}
