using Herald.Bench.Report;

namespace Herald.Bench.Infrastructure;

/// <summary>Functional checks after a scenario: nothing lost, signatures valid, and (strict mode) each queue delivered in order.</summary>
public static class DeliveryCheck
{
    public static void Completeness(BenchContext context, string scenario, Tracker tracker, int expected, bool arrived)
    {
        if (!arrived || tracker.Delivered.Count < expected)
        {
            context.Results.Fail($"{scenario}: {expected - tracker.Delivered.Count:N0} of {expected:N0} deliveries did not arrive in time");
        }
        if (tracker.SignaturesBad > 0)
        {
            context.Results.Fail($"{scenario}: {tracker.SignaturesBad} of {tracker.SignaturesChecked} sampled signatures did not verify");
        }
        if (tracker.Duplicates > 0)
        {
            context.Results.Notes.Add($"{scenario}: {tracker.Duplicates:N0} deliveries arrived again after a 2xx (at-least-once allows it; none was expected without crashes).");
        }
    }

    /// <summary>Each endpoint's arrivals in this scenario follow its queue order (seq) in PostgreSQL.</summary>
    public static async Task OrderAsync(BenchContext context, string scenario, Tracker tracker, IReadOnlyList<BenchEndpoint> endpoints)
    {
        var pathOf = endpoints.ToDictionary(e => e.WebhookId, e => e.Path);
        var expected = new Dictionary<string, List<string>>();
        await using (var command = context.Database.DataSource.CreateCommand(
            "select endpoint_id, event_id from herald_deliveries where endpoint_id = any(@endpoints) order by endpoint_id, seq"))
        {
            command.Parameters.AddWithValue("endpoints", endpoints.Select(e => e.WebhookId).ToArray());
            command.CommandTimeout = 600;
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var path = pathOf[reader.GetString(0)];
                if (!expected.TryGetValue(path, out var list))
                {
                    expected[path] = list = [];
                }
                list.Add(reader.GetString(1));
            }
        }
        var outOfOrder = 0;
        foreach (var (path, ids) in expected)
        {
            var arrived = tracker.Order.TryGetValue(path, out var queue) ? queue.ToList() : [];
            // The queue's order restricted to what arrived in this scenario: an earlier repetition's deliveries are in
            // the same queue, and whatever did not arrive is counted by the completeness check.
            var seen = arrived.ToHashSet();
            if (!arrived.SequenceEqual(ids.Where(seen.Contains)))
            {
                outOfOrder++;
            }
        }
        if (outOfOrder > 0)
        {
            context.Results.Fail($"{scenario}: {outOfOrder} of {expected.Count} strict endpoints delivered out of queue order");
        }
        else
        {
            context.Log($"{scenario}: order checked on {expected.Count:N0} strict queues");
        }
    }

    public static string Ms(double value) => RunResults.Number(value, "0.0");
}
