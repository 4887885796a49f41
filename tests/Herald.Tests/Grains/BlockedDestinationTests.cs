using System.Text;
using Herald.Abstractions.Accounts;
using Herald.Abstractions.Events;
using Herald.Abstractions.Ids;
using Herald.Grains.Storage;
using Herald.Tests.Infrastructure;

namespace Herald.Tests.Grains;

/// <summary>
/// The guard on a real connection, on loopback only: the test silos allow 127.0.0.1/32 and nothing else, so a
/// receiver on 127.0.0.2 (still the loopback interface on Linux) stands for every address the guard must refuse.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class BlockedDestinationTests(ClusterFixture fixture)
{
    [Fact]
    public async Task A_blocked_destination_gets_no_connection_and_the_attempt_fails_for_good()
    {
        await using var blocked = await Receiver.StartAsync("127.0.0.2");
        await using var allowed = await Receiver.StartAsync("127.0.0.1");
        var account = fixture.Cluster.GrainFactory.GetGrain<IAccountGrain>(HeraldId.New("acct"));
        await account.CreateAsync("ssrf", AccountSettings.Default);
        // Registered through the grain, past the API's literal-address check, as if DNS had pointed a name there.
        var blockedId = (await account.CreateWebhookAsync(TestWebhooks.Spec(blocked.Url(), ["*"])))!.Webhook.Id;
        await account.CreateWebhookAsync(TestWebhooks.Spec(allowed.Url(), ["*"]));

        var published = await account.PublishAsync(new PublishCommand(
            HeraldId.New("evt"), "server.created", null, Encoding.UTF8.GetBytes("{}"), DateTimeOffset.UtcNow));

        Assert.Equal(2, published!.Endpoints);
        await using var dataSource = fixture.Database.CreateDataSource();
        var (rows, _) = await Eventually.ReturnsAsync(() => new AttemptLog(dataSource).ListAsync(blockedId, 10, null),
            p => p.Page.Count >= 1, what: "the blocked attempt is logged");
        await Eventually.ReturnsAsync(() => allowed.Requests, r => r.Count == 1, what: "the allowed receiver gets its delivery");
        var attempt = Assert.Single(rows);
        Assert.Equal("blocked: 127.0.0.2 is a loopback address", attempt.Error);
        Assert.False(attempt.Succeeded);
        Assert.Null(attempt.StatusCode);
        Assert.Null(attempt.NextAttemptAt);
        Assert.Equal("failed", await fixture.Database.ScalarAsync<string>(
            "select status from herald_deliveries where endpoint_id = @endpoint", ("endpoint", blockedId)));
        Assert.Empty(blocked.Requests);
    }
}
