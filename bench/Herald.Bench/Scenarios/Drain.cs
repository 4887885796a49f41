using System.Diagnostics;
using Herald.Bench.Infrastructure;
using Herald.Bench.Report;

namespace Herald.Bench.Scenarios;

/// <summary>
/// (2a) Drain a backlog, the clock stopping at the last arrival. Strict order is checked against each queue's order
/// in PostgreSQL. Two ways to start the clock: <see cref="ReleaseAsync"/> (paused webhooks are enabled; the clock
/// starts at the first POST /enable) and <see cref="FallDueAsync"/> (every queue's backlog falls due at one moment,
/// as retries do when receivers come back; the clock starts then, so that waking thousands of webhooks through the
/// API is not what is measured).
/// </summary>
public static class Drain
{
    /// <summary>Issue 10: one strict webhook drains at ≥ 0.6× the wire one request at a time.</summary>
    public static readonly Target StrictGoal = Target.RatioAtLeast(0.6);

    /// <summary>The earlier ≥ 10,000/s and ≥ 0.20× wire: 10,000/s was 0.24× the wire of the reference run, the stricter of the two.</summary>
    public static readonly Target ManyGoal = Target.RatioAtLeast(0.24, "10,000/s");

    /// <summary>
    /// Queues <paramref name="perEndpoint"/> messages per webhook (SQL), due a little later; tells each webhook that its
    /// queue changed (POST /enable) and publishes one event to it (its queue's tail), so that each finds its head not
    /// yet due and waits; then measures from the due time.
    /// </summary>
    public static async Task<double> FallDueAsync(BenchContext context, string name, IReadOnlyList<BenchEndpoint> endpoints, int perEndpoint)
    {
        // Long enough to wake every webhook first, shorter than the collection age (a grain waiting longer may be
        // deactivated, and then its one-minute reminder, not its timer, wakes it).
        // (A longer lead was tried: with 50 s for 10,000 webhooks, the grains woken first reached the collection age
        // during the drain and the sustained run after it, and their reactivation tripled PostgreSQL's CPU per event.
        // A repetition whose wake-ups overran the lead is left out instead, below.)
        var lead = TimeSpan.FromSeconds(context.Options.Quick ? 2 + endpoints.Count * 0.003 : 5 + endpoints.Count * 0.002);
        // Queued far ahead first, then made due at one moment `lead` after the (slow) pre-loading: on a busy machine,
        // pre-loading 50,000 rows took longer than the lead itself.
        await Preload.QueueAsync(context.Database, endpoints, perEndpoint, name, "pending", DateTimeOffset.UtcNow.AddHours(1));
        var due = DateTimeOffset.UtcNow + lead;
        var dueAt = Stopwatch.GetTimestamp() + (long)(lead.TotalSeconds * Stopwatch.Frequency);
        await context.Database.ExecuteAsync(
            "update herald_deliveries set next_attempt_at = @due where event_id like @prefix and status = 'pending'", ("due", due), ("prefix", name + "-%"));
        var expected = endpoints.Count * (perEndpoint + 1);
        var tracker = context.Receiver.Track(new Tracker(recordOrder: true));
        // The rows were written behind Herald's back, and each endpoint grain owns its queue: one that is active (an
        // earlier repetition) holds its queue's front in memory and trusts the publishes' notices to name every new
        // place. POST /enable is how an operator says "the queue changed": the grain reads it again before going on.
        await EnableAllAsync(context, endpoints);
        // Bounded, but generous: on a machine at load 40, 10,000 wake-up publishes took over two minutes.
        var kicks = await Load.ClosedAsync(endpoints.Count, context.Sizes.Concurrency, lead + TimeSpan.FromMinutes(5), i =>
            context.Client.PublishAsync(endpoints[i].AccountKey, Payloads.Publish(endpoints[i].EventType, $"{name}-tail-{i}", i)));
        if (kicks.Failed > 0)
        {
            context.Results.Fail($"{name}: {kicks.Failed:N0} wake-up publishes were not accepted ({kicks.FirstError})");
        }
        if (kicks.Ok + kicks.Failed < endpoints.Count)
        {
            context.Results.Fail($"{name}: {endpoints.Count - kicks.Ok - kicks.Failed:N0} wake-up publishes were not sent within {(lead + TimeSpan.FromMinutes(5)).TotalSeconds:0} s");
        }
        var wait = due - DateTimeOffset.UtcNow;
        context.Log($"{name}: {endpoints.Count * perEndpoint:N0} messages fall due in {wait.TotalSeconds:0.0} s");
        // Woken later than the lead: the drain ran beside the last wake-up publishes, partly before the clock could
        // start, so neither its rate nor its CPU is a drain's. The deliveries are still checked; no figure is recorded.
        var overran = wait < TimeSpan.Zero;
        if (overran)
        {
            context.Results.Notes.Add($"{name}: waking the webhooks took {-wait.TotalSeconds:0.0} s longer than the lead, so the drain ran beside the wake-up publishes: this repetition's rate and CPU are left out.");
        }
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait);
        }
        var early = tracker.Delivered.Values.Count(arrived => arrived < dueAt);
        if (early > 0)
        {
            context.Results.Fail($"{name}: {early} deliveries arrived before their messages were due");
        }
        // The clock starts when the messages fall due, even when the wake-up publishes ended later.
        return await MeasureAsync(context, name, endpoints, tracker, expected, dueAt, TimeSpan.Zero, record: !overran);
    }

    /// <summary>Enables the paused webhooks; the clock starts at the first POST /enable.</summary>
    public static async Task<double> ReleaseAsync(BenchContext context, string name, IReadOnlyList<BenchEndpoint> endpoints)
    {
        var expected = await context.Database.ScalarAsync<int>(
            "select count(*) from herald_deliveries where endpoint_id = any(@endpoints) and status in ('held', 'pending')",
            ("endpoints", endpoints.Select(e => e.WebhookId).ToArray()));
        var tracker = context.Receiver.Track(new Tracker(recordOrder: true));
        var start = Stopwatch.GetTimestamp();
        var cpu = await context.MarkAsync();
        await EnableAllAsync(context, endpoints);
        return await MeasureAsync(context, name, endpoints, tracker, expected, start, Stopwatch.GetElapsedTime(start), record: true, cpu);
    }

    private static async Task<double> MeasureAsync(
        BenchContext context, string name, IReadOnlyList<BenchEndpoint> endpoints, Tracker tracker, int expected, long start, TimeSpan enabling,
        bool record, CpuMark? cpu = null)
    {
        cpu ??= await context.MarkAsync();
        var arrived = await tracker.WaitForAsync(expected, BenchContext.Patience(expected));
        var seconds = Stopwatch.GetElapsedTime(start, tracker.LastArrival).TotalSeconds;
        var webhooks = $"{endpoints.Count:N0} webhook{(endpoints.Count == 1 ? "" : "s")}";
        var rate = tracker.Delivered.Count / seconds;
        var how = enabling > TimeSpan.Zero ? $"enabling took {enabling.TotalSeconds:0.00} s" : "from the moment they fell due";
        var cpuDetail = record
            ? await context.RecordCpuAsync($"cpu.drain.{endpoints.Count}", "2 delivery", $"delivery, drain, {webhooks}", cpu, tracker.Delivered.Count,
                endpoints.Count == 1 ? Limit.PipeStrictDrainCpu : Limit.PipeDrainCpu)
            : "not recorded (the drain overlapped the wake-ups)";
        context.Log($"{name}: {tracker.Delivered.Count:N0} deliveries in {seconds:0.00} s ({how}), CPU µs per delivery: {cpuDetail}");
        DeliveryCheck.Completeness(context, name, tracker, expected, arrived);
        await DeliveryCheck.OrderAsync(context, name, tracker, endpoints);
        if (!record)
        {
            return double.NaN;
        }

        var strict = endpoints.Count == 1;
        var release = enabling > TimeSpan.Zero ? "released by POST /enable" : "falling due at once";
        context.Results.Record(new Figure($"drain.{endpoints.Count}", "2 delivery", $"drain a backlog {release}, {webhooks} (strict order)", "deliveries/s")
        {
            RatioOf = strict ? Limit.WireSerial : Limit.Wire, AlsoOf = strict ? Limit.PipeStrictDrain : Limit.PipeDrain,
            Target = strict ? StrictGoal : ManyGoal,
        }, rate, $"{expected:N0} deliveries in {seconds:0.00} s, {how}");
        return rate;
    }

    private static Task EnableAllAsync(BenchContext context, IReadOnlyList<BenchEndpoint> endpoints) =>
        Topology.ForEachAsync(endpoints, e => context.Client.EnableAsync(e.WebhookId), context.Sizes.Concurrency);
}
