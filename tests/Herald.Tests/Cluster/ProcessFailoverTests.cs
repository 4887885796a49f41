using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Herald.Tests.Infrastructure;
using Herald.Tests.Infrastructure.Processes;
using Xunit.Abstractions;

namespace Herald.Tests.Cluster;

/// <summary>
/// Two silo processes and an API process (Orleans client) on one PostgreSQL; one silo is killed with SIGKILL.
/// </summary>
public sealed class ProcessFailoverTests(ITestOutputHelper output)
{
    private const int ProbeEndpoints = 3;
    private const int StreamEndpoints = 3;
    private const int Events = 40;
    private const int KillAfter = 15;
    private static readonly TimeSpan ProbeRetry = TimeSpan.FromSeconds(45);

    /// <summary>
    /// The probe endpoints live on silo A (the only silo when they first deliver) and fail their first attempt, so a
    /// retry waits 45 s behind a grain timer and the wake reminder. A is killed before that; nothing publishes to them
    /// again and the recovery sweep is off, so only their reminders, fired by the survivor, can bring the retry.
    /// Meanwhile a stream of events to strict endpoints spread over both silos goes on through the kill.
    /// </summary>
    [Fact]
    public async Task Killing_a_silo_loses_no_accepted_event_and_its_reminders_fire_on_the_survivor()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var receiver = await Receiver.StartAsync();
        var probeRequests = new ConcurrentDictionary<string, int>();
        receiver.Behave = (_, request) =>
            request.Path.StartsWith("/probe", StringComparison.Ordinal) && probeRequests.AddOrUpdate(request.Path, 1, (_, n) => n + 1) == 1
                ? 500
                : 200;
        await using var cluster = new ProcessCluster(database.ConnectionString);
        try
        {
            var siloA = await cluster.StartSiloAsync("silo-a");
            var api = await cluster.StartApiAsync();
            using var client = await ProcessCluster.AccountClientAsync(api);

            var probes = new List<string>();
            for (var i = 0; i < ProbeEndpoints; i++)
            {
                probes.Add(await ProcessCalls.WebhookAsync(client, receiver.Url($"/probe{i}"), "probe.*", $"{ProbeRetry.TotalSeconds}s"));
            }
            var probeEvent = await ProcessCalls.PublishUntilAcceptedAsync(client, "probe.fired", $"evt_probe_{Guid.NewGuid():N}", 0);
            await Eventually.ReturnsAsync(() => probeRequests.Count, c => c == ProbeEndpoints, TimeSpan.FromSeconds(20), "probes tried once");

            var siloB = await cluster.StartSiloAsync("silo-b");
            var streams = new List<string>();
            for (var i = 0; i < StreamEndpoints; i++)
            {
                streams.Add(await ProcessCalls.WebhookAsync(client, receiver.Url($"/stream{i}"), "stream.*", "1s"));
            }

            var accepted = new List<string>();
            DateTimeOffset? killedAt = null;
            for (var n = 0; n < Events; n++)
            {
                if (n == KillAfter)
                {
                    // No retry yet: A's timers still wait, so any retry must come after the kill.
                    Assert.All(probeRequests.Values, count => Assert.Equal(1, count));
                    await siloA.KillAsync();
                    killedAt = DateTimeOffset.UtcNow;
                }
                accepted.Add(await ProcessCalls.PublishUntilAcceptedAsync(client, "stream.tick", $"evt_stream_{n:000}_{Guid.NewGuid():N}", n));
                if (n == KillAfter)
                {
                    output.WriteLine($"first publish accepted {(DateTimeOffset.UtcNow - killedAt!.Value).TotalSeconds:0.0} s after the kill");
                }
            }

            // Every accepted event reaches every stream endpoint, first arrivals in publish order (a delivery cut by the
            // kill may arrive twice: at least once).
            for (var i = 0; i < StreamEndpoints; i++)
            {
                var path = $"/stream{i}";
                var received = await Eventually.ReturnsAsync(() => ProcessCalls.EventIds(receiver, path).Distinct().ToList(), ids => ids.Count == Events,
                    TimeSpan.FromSeconds(60), $"every stream event reaches {streams[i]}");
                Assert.Equal(accepted, received);
            }

            // The probes' retries come after the kill, from the survivor, woken by their reminders.
            await Eventually.ReturnsAsync(() => probeRequests.Values.Count(c => c >= 2), c => c == ProbeEndpoints, ProbeRetry * 2,
                "every probe retried");
            foreach (var (probe, i) in probes.Select((p, i) => (p, i)))
            {
                var requests = receiver.Requests.Where(r => r.Path == $"/probe{i}").ToList();
                Assert.True(requests[1].ReceivedAt > killedAt, $"{probe}'s retry came after the kill");
                output.WriteLine($"{probe}: first try {requests[0].ReceivedAt:HH:mm:ss.fff}, kill {killedAt:HH:mm:ss.fff}, retry {requests[1].ReceivedAt:HH:mm:ss.fff}");
                Assert.Contains($"Delivery attempt 1 of event {probeEvent} to endpoint {probe}:", siloA.Output);
                // The attempt is logged once recorded, after the receiver saw it: wait for the line, do not race it.
                await Eventually.ReturnsAsync(() => siloB.Output, o => o.Contains($"Delivery attempt 2 of event {probeEvent} to endpoint {probe}:"),
                    TimeSpan.FromSeconds(10), $"silo B logs {probe}'s retry");
            }
            Assert.Equal(ProbeEndpoints, await database.ScalarAsync<long>(
                "select count(*) from herald_deliveries where event_id = @event and status = 'succeeded'", ("event", probeEvent)));
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            throw new Xunit.Sdk.XunitException($"{exception.GetType().Name}: {exception.Message}\n\n{cluster.Diagnostics()}");
        }
    }
}
