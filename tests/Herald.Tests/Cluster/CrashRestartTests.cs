using Herald.Tests.Infrastructure;
using Herald.Tests.Infrastructure.Processes;
using Xunit.Abstractions;

namespace Herald.Tests.Cluster;

/// <summary>
/// The only silo is killed with SIGKILL in the middle of a stream and a new silo process takes its place on the same
/// PostgreSQL: every accepted event arrives, in order per strict endpoint, and the only repeats are deliveries the
/// receiver had got but the dead silo had not yet recorded.
/// </summary>
public sealed class CrashRestartTests(ITestOutputHelper output)
{
    private const int Endpoints = 3;
    private const int Events = 40;
    private const int KillAfter = 20;

    [Fact]
    public async Task A_killed_and_restarted_silo_delivers_every_accepted_event_in_order_repeating_only_what_was_unrecorded()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var receiver = await Receiver.StartAsync();
        await using var cluster = new ProcessCluster(database.ConnectionString);
        try
        {
            var silo = await cluster.StartSiloAsync("silo-1");
            var api = await cluster.StartApiAsync();
            using var client = await ProcessCluster.AccountClientAsync(api);
            var webhooks = new List<string>();
            for (var i = 0; i < Endpoints; i++)
            {
                webhooks.Add(await ProcessCalls.WebhookAsync(client, receiver.Url($"/s{i}"), "stream.*", "1s"));
            }

            var accepted = new List<string>();
            var unrecordedAtKill = new int[Endpoints];
            for (var n = 0; n < Events; n++)
            {
                if (n == KillAfter)
                {
                    await silo.KillAsync();
                    // What the receiver had got from the dead silo, less what that silo had recorded as delivered, is
                    // what may come again.
                    for (var i = 0; i < Endpoints; i++)
                    {
                        var received = ProcessCalls.EventIds(receiver, $"/s{i}").Distinct().ToArray();
                        var recorded = await database.TextColumnAsync(
                            "select event_id from herald_deliveries where endpoint_id = @endpoint and status = 'succeeded'", ("endpoint", webhooks[i]));
                        unrecordedAtKill[i] = received.Except(recorded).Count();
                    }
                    silo = await cluster.StartSiloAsync("silo-2");
                }
                accepted.Add(await ProcessCalls.PublishUntilAcceptedAsync(client, "stream.tick", $"evt_{n:000}_{Guid.NewGuid():N}", n));
            }

            for (var i = 0; i < Endpoints; i++)
            {
                var path = $"/s{i}";
                await Eventually.ReturnsAsync(() => ProcessCalls.EventIds(receiver, path).Distinct().Count(), c => c == Events,
                    TimeSpan.FromSeconds(60), $"every event reaches {webhooks[i]}");
                var arrivals = ProcessCalls.EventIds(receiver, path);
                Assert.Equal(accepted, arrivals.Distinct());
                output.WriteLine($"{webhooks[i]}: {arrivals.Count - Events} repeats, {unrecordedAtKill[i]} unrecorded at the kill");
                Assert.InRange(arrivals.Count - Events, 0, unrecordedAtKill[i]);
            }
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            throw new Xunit.Sdk.XunitException($"{exception.GetType().Name}: {exception.Message}\n\n{cluster.Diagnostics()}");
        }
    }
}
