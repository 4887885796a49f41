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
    private const int Blocks = 3;

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
        // Three blocks of probes are three repetitions: the spread of the ratio shows how much of it is noise.
        var results = context.Results;
        var block = Math.Max(1, toEmpty.Count / Blocks);
        for (var b = 0; b < Blocks; b++)
        {
            var shallow = toEmpty.Skip(b * block).Take(block).ToList();
            var deep = toFull.Skip(b * block).Take(block).ToList();
            results.Record(new Figure("backlog.empty", "5 backlog", "enqueue (publish → 202, one at a time) to an empty queue, p50", "ms") { Format = "0.0" },
                Stats.Median(shallow), $"p99 {DeliveryCheck.Ms(Stats.Percentile(shallow, 99))} ms");
            results.Record(new Figure("backlog.full", "5 backlog", $"enqueue to a queue of {sizes.BacklogDepth:N0}, p50", "ms") { Format = "0.0" },
                Stats.Median(deep), $"p99 {DeliveryCheck.Ms(Stats.Percentile(deep, 99))} ms");
            results.Record(new Figure("backlog.ratio", "5 backlog", $"enqueue cost at {sizes.BacklogDepth:N0} queued ÷ empty (p50)", "×")
            {
                Format = "0.00", Target = Target.AtMostValue(1.5),
            }, Stats.Median(deep) / Stats.Median(shallow));
        }

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
