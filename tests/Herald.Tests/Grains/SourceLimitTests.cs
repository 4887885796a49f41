using Herald.Abstractions.Accounts;
using Herald.Abstractions.Ids;
using Herald.Abstractions.Webhooks;
using Herald.Tests.Infrastructure;

namespace Herald.Tests.Grains;

[Collection(ClusterCollection.Name)]
public sealed class SourceLimitTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Concurrent_registrations_never_pass_the_per_source_limit()
    {
        var account = fixture.Cluster.GrainFactory.GetGrain<IAccountGrain>(HeraldId.New("acct"));
        await account.CreateAsync("nodes", AccountSettings.Default with { MaxWebhooksPerSource = 3 });

        var attempts = await Task.WhenAll(Enumerable.Range(0, 10).Select(async i =>
        {
            try
            {
                return await account.CreateWebhookAsync(TestWebhooks.Spec($"http://127.0.0.1:9/{i}", ["*"], source: "node-a")) is not null;
            }
            catch (SourceLimitReachedException refused)
            {
                Assert.Equal(("node-a", 3), (refused.Scope, refused.Limit));
                return false;
            }
        }));

        Assert.Equal(3, attempts.Count(created => created));
        Assert.Equal(3, (await account.EndpointsReachedAsync(fixture.Database, "server.created", "node-a")).Count);
        Assert.NotNull(await account.CreateWebhookAsync(TestWebhooks.Spec("http://127.0.0.1:9/b", ["*"], source: "node-b")));
        Assert.NotNull(await account.CreateWebhookAsync(TestWebhooks.Spec("http://127.0.0.1:9/all", ["*"])));
        Assert.Equal(4, (await account.EndpointsReachedAsync(fixture.Database, "server.created", "node-a")).Count);
        Assert.Equal(5, (await account.ListWebhooksAsync()).Count);
    }

    [Fact]
    public async Task A_deleted_webhook_frees_its_place_in_the_source()
    {
        var account = fixture.Cluster.GrainFactory.GetGrain<IAccountGrain>(HeraldId.New("acct"));
        await account.CreateAsync("nodes", AccountSettings.Default with { MaxWebhooksPerSource = 1 });
        var first = (await account.CreateWebhookAsync(TestWebhooks.Spec("http://127.0.0.1:9/1", ["*"], source: "n")))!;
        await Assert.ThrowsAsync<SourceLimitReachedException>(() => account.CreateWebhookAsync(TestWebhooks.Spec("http://127.0.0.1:9/2", ["*"], source: "n")));

        await account.DeleteWebhookAsync(first.Webhook.Id);

        Assert.NotNull(await account.CreateWebhookAsync(TestWebhooks.Spec("http://127.0.0.1:9/3", ["*"], source: "n")));
    }
}
