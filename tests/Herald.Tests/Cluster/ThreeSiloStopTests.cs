using System.Collections.Concurrent;
using Herald.Abstractions.Events;
using Herald.Abstractions.Webhooks;
using Herald.Tests.Infrastructure;
using Orleans.Runtime;

namespace Herald.Tests.Cluster;

[Collection(ThreeSiloCollection.Name)]
public sealed class ThreeSiloStopTests(ThreeSiloClusterFixture fixture)
{
    private const int Endpoints = 6;
    private const int Events = 30;
    private const int StopAfter = 10;

    [Fact]
    public async Task Stopping_a_silo_mid_stream_leaves_every_accepted_event_delivered_once_and_in_order_per_strict_endpoint()
    {
        await using var receiver = await Receiver.StartAsync();
        receiver.Behave = (_, _) => new Reply(Hang: TimeSpan.FromMilliseconds(20));
        var scenario = await ClusterScenario.StartAsync(fixture);
        var webhooks = new List<string>();
        for (var i = 0; i < Endpoints; i++)
        {
            webhooks.Add(await scenario.WebhookAsync(receiver.Url($"/e{i}"), ["tick"], ordering: DeliveryOrdering.Strict));
        }

        var management = fixture.Cluster.GrainFactory.GetGrain<IManagementGrain>(0);
        var hosts = new Dictionary<string, SiloAddress>();
        foreach (var webhook in webhooks)
        {
            await scenario.Endpoint(webhook).GetAsync();
            hosts[webhook] = await management.GetActivationAddress(scenario.Endpoint(webhook))
                ?? throw new InvalidOperationException($"{webhook} is not active");
        }
        Assert.True(hosts.Values.Distinct().Count() >= 2, $"endpoints spread over silos: {string.Join(", ", hosts.Values)}");
        var victim = fixture.Cluster.SecondarySilos
            .OrderByDescending(s => hosts.Values.Count(h => h.Equals(s.SiloAddress)))
            .First(s => hosts.Values.Any(h => h.Equals(s.SiloAddress)));

        var accepted = new List<string>();
        Task? stopping = null;
        for (var n = 0; n < Events; n++)
        {
            if (n == StopAfter)
            {
                stopping = fixture.Cluster.StopSiloAsync(victim);
            }
            accepted.Add(await PublishUntilAcceptedAsync(scenario, $"evt_tick_{n:000}_{Guid.NewGuid():N}"));
        }
        await stopping!;

        foreach (var (webhook, index) in webhooks.Select((w, i) => (w, i)))
        {
            var received = await Eventually.ReturnsAsync(() => EventIds(receiver, $"/e{index}"), ids => ids.Distinct().Count() == Events,
                TimeSpan.FromSeconds(60), $"every event reaches {webhook} (hosted on {hosts[webhook]}, stopped {victim.SiloAddress})");
            Assert.Equal(accepted, received.Distinct());
            Assert.Equal(accepted, received); // a graceful stop finishes what it started: nothing is sent twice
        }
    }

    /// <summary>A publisher's retry: the same event id again until it is accepted (idempotent, so at most one copy is stored).</summary>
    private static async Task<string> PublishUntilAcceptedAsync(ClusterScenario scenario, string eventId)
    {
        var body = System.Text.Encoding.UTF8.GetBytes($$"""{"id":"{{eventId}}","type":"tick"}""");
        return await Eventually.ReturnsAsync<string?>(async () =>
        {
            try
            {
                await scenario.Account.PublishAsync(new PublishCommand(eventId, "tick", null, body, DateTimeOffset.UtcNow));
                return eventId;
            }
            catch (Exception exception) when (exception is SiloUnavailableException or OrleansMessageRejectionException or TimeoutException)
            {
                return null;
            }
        }, id => id is not null, TimeSpan.FromSeconds(60), $"publish {eventId} accepted") ?? eventId;
    }

    private static List<string> EventIds(Receiver receiver, string path) =>
        receiver.Requests.Where(r => r.Path == path).Select(r => r.Headers["webhook-id"]).ToList();
}
