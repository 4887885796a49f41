using System.Diagnostics;
using System.Text;
using Herald.Abstractions.Accounts;
using Herald.Abstractions.Events;
using Herald.Abstractions.Ids;
using Herald.Abstractions.Webhooks;
using Herald.Tests.Infrastructure;
using Orleans.Runtime;

namespace Herald.Tests.Cluster;

/// <summary>
/// Two real silos (ADO.NET clustering on PostgreSQL) in this process; the one hosting an endpoint is stopped while
/// that endpoint's receiver holds a delivery open for 2 s.
/// </summary>
public sealed class GracefulShutdownTests
{
    private static readonly TimeSpan Hang = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task A_stopping_silo_lets_the_slow_delivery_in_flight_finish_and_hands_the_rest_of_the_queue_to_the_other_silo()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var receiver = await Receiver.StartAsync();
        receiver.Behave = (n, _) => n == 1 ? new Reply(Hang: Hang) : Reply.Ok;
        await using var first = await SiloProcess.StartAsync(database.ConnectionString, ProcessSettings.FastFailover);
        await using var second = await SiloProcess.StartAsync(database.ConnectionString, ProcessSettings.FastFailover);
        var (webhook, events) = await PublishThreeAsync(first, receiver);

        await Eventually.ReturnsAsync(() => receiver.Requests.Count, c => c >= 1, what: "the first delivery is in flight");
        var stopping = await HostOfAsync(first, second, webhook);
        var stop = Stopwatch.StartNew();
        await stopping.StopAsync();

        // The attempt in flight was waited for and recorded; nothing after it was sent by the stopping silo.
        Assert.True(stop.Elapsed >= Hang - TimeSpan.FromMilliseconds(500), $"the stop waited for the delivery ({stop.Elapsed})");
        Assert.Equal("succeeded", await StatusAsync(database, events[0], webhook));
        Assert.Equal(1, await AttemptCountAsync(database, events[0]));

        await Eventually.ReturnsAsync(() => ReceivedIds(receiver), ids => ids.Count >= 3, TimeSpan.FromSeconds(30),
            "the surviving silo delivers the rest of the queue");
        Assert.Equal(events, ReceivedIds(receiver)); // in order, each once
        foreach (var eventId in events)
        {
            Assert.Equal("succeeded", await StatusAsync(database, eventId, webhook));
        }
    }

    [Fact]
    public async Task A_delivery_cut_by_a_short_drain_timeout_is_retried_on_the_other_silo_never_lost()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var receiver = await Receiver.StartAsync();
        receiver.Behave = (n, _) => n == 1 ? new Reply(Hang: Hang) : Reply.Ok;
        var settings = ProcessSettings.FastFailover
            .Where(s => s.Key != "Herald:Recovery:SweepPeriod")
            .Append(KeyValuePair.Create("Herald:Shutdown:DrainTimeout", "00:00:00.200"))
            .Append(KeyValuePair.Create("Herald:Recovery:SweepPeriod", "00:00:02"))
            .Append(KeyValuePair.Create("Herald:Recovery:Grace", "00:00:01"))
            .ToList();
        await using var first = await SiloProcess.StartAsync(database.ConnectionString, settings);
        await using var second = await SiloProcess.StartAsync(database.ConnectionString, settings);
        var (webhook, events) = await PublishThreeAsync(first, receiver);

        await Eventually.ReturnsAsync(() => receiver.Requests.Count, c => c >= 1, what: "the first delivery is in flight");
        var stopping = await HostOfAsync(first, second, webhook);
        await stopping.StopAsync();

        // Cut or finished, the first event arrives; at least once, and the order of first arrivals holds.
        await Eventually.ReturnsAsync(() => ReceivedIds(receiver).Distinct().Count(), c => c == 3, TimeSpan.FromSeconds(45),
            "every event arrives");
        Assert.Equal(events, ReceivedIds(receiver).Distinct());
        foreach (var eventId in events)
        {
            await Eventually.ReturnsAsync(() => StatusAsync(database, eventId, webhook), s => s == "succeeded", TimeSpan.FromSeconds(10),
                $"{eventId} recorded as succeeded");
        }
    }

    private static async Task<(string Webhook, List<string> Events)> PublishThreeAsync(SiloProcess silo, Receiver receiver)
    {
        var accountId = HeraldId.New("acct");
        var account = silo.Grains.GetGrain<IAccountGrain>(accountId);
        await account.CreateAsync("graceful", AccountSettings.Default);
        var spec = TestWebhooks.Spec(receiver.Url(), ["job.*"]) with { TimeoutSeconds = 10 };
        var webhook = (await account.CreateWebhookAsync(spec))!.Webhook.Id;
        var events = new List<string>();
        for (var n = 0; n < 3; n++)
        {
            var id = HeraldId.New("evt");
            var body = Encoding.UTF8.GetBytes($$"""{"id":"{{id}}","n":{{n}}}""");
            await account.PublishAsync(new PublishCommand(id, "job.done", null, body, DateTimeOffset.UtcNow));
            events.Add(id);
        }
        return (webhook, events);
    }

    /// <summary>The silo that hosts the endpoint's activation.</summary>
    private static async Task<SiloProcess> HostOfAsync(SiloProcess first, SiloProcess second, string webhook)
    {
        var address = await first.Grains.GetGrain<IManagementGrain>(0).GetActivationAddress(first.Grains.GetGrain<IEndpointGrain>(webhook));
        return address is not null && address.Equals(second.Address) ? second : first;
    }

    private static List<string> ReceivedIds(Receiver receiver) => receiver.Requests.Select(r => r.Headers["webhook-id"]).ToList();

    private static Task<string> StatusAsync(TestDatabase database, string eventId, string webhook) =>
        database.ScalarAsync<string>("select status from herald_deliveries where event_id = @event and endpoint_id = @endpoint",
            ("event", eventId), ("endpoint", webhook));

    private static Task<long> AttemptCountAsync(TestDatabase database, string eventId) =>
        database.ScalarAsync<long>("select count(*) from herald_attempts where event_id = @event", ("event", eventId));
}
