using System.Collections.Concurrent;
using System.Diagnostics;
using Herald.Reliability.Chaos;
using Herald.Reliability.Infrastructure;
using Herald.Testing.Clients;
using Herald.Testing.Databases;
using Herald.Testing.Signatures;

namespace Herald.Reliability.Scenarios;

/// <summary>
/// (2) PostgreSQL stopped under a steady 100 publishes a second, then started again (a server of the suite's own on
/// a free port, never the shared one): every 202 is delivered, every refusal is 503 problem+json with Retry-After,
/// readiness answers 503 during the outage and 200 after it, and the same Herald process carries on.
/// </summary>
public static class OutageScenario
{
    public const string Name = "2 PostgreSQL outage";
    /// <summary>A publish not answered within this long counts as unanswered (PostgreSQL's client gives up on a connection after 15 s).</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>Enough for every publish of the patience at the rate: the generator itself never holds back.</summary>
    private const int MaxInFlight = 3_500;

    public static async Task RunAsync(SuiteContext context)
    {
        var (sizes, results) = (context.Sizes, context.Results);
        await using var server = await PrivatePostgres.StartAsync();
        context.Guard.Add(() => server.StopAsync().GetAwaiter().GetResult());
        await using var receiver = await ChaosReceiver.StartAsync(ChaosPlan.None, TimeSpan.FromSeconds(10));
        await using var herald = await new Launcher(context, server.ConnectionString, HeraldSettings.Recovery(sizes)).CohostedAsync("outage-herald");
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = MaxInFlight })
        {
            BaseAddress = herald.Url,
            Timeout = Patience,
        };
        var client = new HeraldClient(http, context.AdminKey);
        var (accountId, accountKey) = await client.CreateAccountAsync("outage");
        var paths = new[] { "/outage/strict", "/outage/concurrent" };
        foreach (var path in paths)
        {
            var settings = path.EndsWith("concurrent", StringComparison.Ordinal) ? new System.Text.Json.Nodes.JsonObject { ["ordering"] = "concurrent" } : null;
            var (_, secret) = await client.CreateWebhookAsync(accountId, receiver.Url(path), ["outage.*"], settings);
            receiver.Keys[path] = StandardWebhooks.DecodeSecret(secret);
        }

        var publisher = new Publisher(http, accountKey);
        var outcomes = new ConcurrentDictionary<int, (TimeSpan At, PublishOutcome Outcome)>();
        var clock = Stopwatch.StartNew();
        var loop = new OpenLoop(sizes.OutageRate, MaxInFlight);
        async Task Send(int n)
        {
            var at = clock.Elapsed;
            outcomes[n] = (at, await publisher.PublishAsync("outage.tick", Id(n), n));
        }

        TimeSpan stopped, started;
        await using (var readiness = new ReadinessProbe(herald, clock))
        {
            context.Log($"outage: {sizes.OutageRate} publishes/s; PostgreSQL (port {server.Port}) stops after {sizes.OutageSteady.TotalSeconds:0} s for {sizes.Outage.TotalSeconds:0} s (Herald pid {herald.Id})");
            await loop.RunAsync(sizes.OutageSteady, Send);
            // The outage lasts from the end of the stop to the end of the start; the publishes never pause.
            var stopping = WhenDoneAsync(server.StopAsync(), clock);
            await loop.RunAsync(TimeSpan.Zero, Send, stopping);
            stopped = await stopping;
            await loop.RunAsync(sizes.Outage, Send);
            var starting = WhenDoneAsync(server.StartAgainAsync(), clock);
            await loop.RunAsync(TimeSpan.Zero, Send, starting);
            started = await starting;
            await loop.RunAsync(sizes.OutageSteady, Send);
            results.Figure(Name, "PostgreSQL down (stop done to start done)", (started - stopped).TotalSeconds, "s", "0.0");
            await loop.DrainAsync();
            context.Log($"outage: {loop.Started:N0} publishes sent; waiting for the deliveries");

            var accepted = outcomes.Where(o => o.Value.Outcome.Accepted).OrderBy(o => o.Key).Select(o => Id(o.Key)).ToList();
            var check = new ArrivalCheck(receiver, paths.ToDictionary(p => p, _ => (IReadOnlyList<string>)accepted));
            // The recovery sweep wakes an endpoint that the outage kept from being told of its events (shipped: within about 90 s).
            var missing = await check.WaitAsync(TimeSpan.FromSeconds(150), sizes.DeliveryStall);
            var statuses = await new RecordedDeliveries(http, accountKey).WaitSucceededAsync(accepted, TimeSpan.FromSeconds(30));
            results.Check(Name, "every 202 is delivered (and recorded as succeeded)",
                accepted.Count > 0 && missing.Count == 0 && statuses.Keys.All(k => k == RecordedDeliveries.Succeeded),
                $"{accepted.Count:N0} publishes accepted; {check.Expected - missing.Count:N0} of {check.Expected:N0} deliveries arrived; " +
                $"recorded: {RecordedDeliveries.Describe(statuses)}" + (missing.Count == 0 ? "" : $"; missing e.g. {check.Describe(missing)}"));
            Refusals(context, outcomes.Values.Select(v => v.Outcome).ToList());
            Readiness(context, readiness, stopped, started);
            var arrivedAnyway = outcomes.Where(o => !o.Value.Outcome.Accepted).Count(o => receiver.Arrivals.Any(a => a.EventId == Id(o.Key)));
            results.Figure(Name, $"publishes sent / skipped by the generator (more than {MaxInFlight:N0} in flight)", $"{loop.Started - loop.Skipped:N0} / {loop.Skipped:N0}");
            results.Figure(Name, "refused publishes whose event was delivered anyway (a retry with the same id is answered with the first result)",
                arrivedAnyway, "");
            var back = outcomes.Values.Where(o => o.At >= started && o.Outcome.Accepted).Select(o => (TimeSpan?)o.At).Min();
            results.Figure(Name, "first 202 after PostgreSQL was back", back is { } b ? $"{(b - started).TotalSeconds:0.0} s" : "none");
        }
        var acceptedAfter = outcomes.Values.Count(o => o.At >= started && o.Outcome.Accepted);
        results.Check(Name, "Herald carries on without a restart", !herald.HasExited && acceptedAfter > 0,
            herald.HasExited ? "the Herald process exited"
            : $"the same process (pid {herald.Id}) accepted {acceptedAfter:N0} publishes after PostgreSQL was back");
    }

    private static string Id(int n) => $"outage_{n:D6}";

    /// <summary>When <paramref name="task"/> ended, on <paramref name="clock"/>.</summary>
    private static async Task<TimeSpan> WhenDoneAsync(Task task, Stopwatch clock)
    {
        await task;
        return clock.Elapsed;
    }

    private static void Refusals(SuiteContext context, IReadOnlyList<PublishOutcome> outcomes)
    {
        var refused = outcomes.Where(o => !o.Accepted).ToList();
        var byStatus = string.Join(", ", outcomes.GroupBy(o => o.Status).OrderBy(g => g.Key)
            .Select(g => $"{(g.Key == 0 ? "no answer" : g.Key.ToString(System.Globalization.CultureInfo.InvariantCulture))}: {g.Count():N0}"));
        var unavailable = refused.Where(o => o.Status == 503).ToList();
        var wrong = refused.FirstOrDefault(o => o.Status != 503 || !o.IsProblem || !o.HasRetryAfter);
        context.Results.Check(Name, "every refused publish is answered 503 problem+json with Retry-After", wrong is null,
            $"answers: {byStatus}" +
            (unavailable.Count == 0 ? "" : $"; {unavailable.Count(o => o.IsProblem && o.HasRetryAfter):N0} of the {unavailable.Count:N0} 503s with problem+json and Retry-After") +
            (wrong is null ? "" : $"; e.g. {(wrong.Status == 0 ? "no answer" : wrong.Status.ToString(System.Globalization.CultureInfo.InvariantCulture))} {wrong.Excerpt}"));
    }

    private static void Readiness(SuiteContext context, ReadinessProbe readiness, TimeSpan stopped, TimeSpan started)
    {
        var down = readiness.First(503, stopped);
        var up = readiness.First(200, started);
        context.Results.Check(Name, "/health/ready answers 503 while PostgreSQL is down and 200 once it is back",
            down is { } d && d < started && up is not null,
            $"503 {(down is { } x ? $"{(x - stopped).TotalSeconds:0.0} s after the stop" : "never")}, " +
            $"200 {(up is { } y ? $"{(y - started).TotalSeconds:0.0} s after the start" : "never")}; " +
            $"answers: {string.Join(", ", readiness.Answers.GroupBy(a => a.Status).Select(g => $"{g.Key}: {g.Count()}"))}");
    }
}
