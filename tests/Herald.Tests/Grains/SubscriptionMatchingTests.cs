using Herald.Abstractions.Accounts;
using Herald.Abstractions.Ids;
using Herald.Tests.Infrastructure;

namespace Herald.Tests.Grains;

[Collection(ClusterCollection.Name)]
public sealed class SubscriptionMatchingTests(ClusterFixture fixture)
{
    private async Task<IAccountGrain> NewAccountAsync()
    {
        var account = fixture.Cluster.GrainFactory.GetGrain<IAccountGrain>(HeraldId.New("acct"));
        await account.CreateAsync("matching", AccountSettings.Default);
        return account;
    }

    [Fact]
    public async Task Exact_wildcard_and_catch_all_subscriptions_match_their_types()
    {
        var account = await NewAccountAsync();
        const string url = "http://127.0.0.1:9/never-called";
        var exact = (await account.CreateWebhookAsync(TestWebhooks.Spec(url, ["server.created"])))!.Webhook.Id;
        var prefix = (await account.CreateWebhookAsync(TestWebhooks.Spec(url, ["server.*"])))!.Webhook.Id;
        var all = (await account.CreateWebhookAsync(TestWebhooks.Spec(url, ["*"])))!.Webhook.Id;
        var billing = (await account.CreateWebhookAsync(TestWebhooks.Spec(url, ["invoice.created", "payment.processed"])))!.Webhook.Id;

        Assert.Equal([exact, prefix, all], await account.EndpointsReachedAsync(fixture.Database, "server.created", null));
        Assert.Equal([prefix, all], await account.EndpointsReachedAsync(fixture.Database, "server.backup.completed", null));
        Assert.Equal([all, billing], await account.EndpointsReachedAsync(fixture.Database, "payment.processed", null));
    }

    [Fact]
    public async Task An_event_no_subscription_names_matches_nothing()
    {
        var account = await NewAccountAsync();
        await account.CreateWebhookAsync(TestWebhooks.Spec("http://127.0.0.1:9/x", ["server.created", "server.deleted"]));

        Assert.Empty(await account.EndpointsReachedAsync(fixture.Database, "invoice.created", null));
        Assert.Empty(await account.EndpointsReachedAsync(fixture.Database, "server", null));
    }

    [Fact]
    public async Task A_source_scoped_webhook_sees_only_its_source_and_account_wide_ones_see_all()
    {
        var account = await NewAccountAsync();
        var accountWide = (await account.CreateWebhookAsync(TestWebhooks.Spec("http://127.0.0.1:9/a", ["*"])))!.Webhook.Id;
        var nodeA = (await account.CreateWebhookAsync(TestWebhooks.Spec("http://127.0.0.1:9/b", ["*"], source: "node-a")))!.Webhook.Id;

        Assert.Equal([accountWide, nodeA], await account.EndpointsReachedAsync(fixture.Database, "invoice_payment", "node-a"));
        Assert.Equal([accountWide], await account.EndpointsReachedAsync(fixture.Database, "invoice_payment", "node-b"));
        Assert.Equal([accountWide], await account.EndpointsReachedAsync(fixture.Database, "invoice_payment", null));
    }

    [Fact]
    public async Task A_deleted_webhook_no_longer_matches()
    {
        var account = await NewAccountAsync();
        var id = (await account.CreateWebhookAsync(TestWebhooks.Spec("http://127.0.0.1:9/a", ["*"])))!.Webhook.Id;

        Assert.True(await account.DeleteWebhookAsync(id));

        Assert.Empty(await account.EndpointsReachedAsync(fixture.Database, "server.created", null));
        Assert.Empty(await account.ListWebhooksAsync());
    }
}
