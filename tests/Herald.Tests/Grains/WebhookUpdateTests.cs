using Herald.Abstractions.Accounts;
using Herald.Abstractions.Webhooks;
using Herald.Tests.Infrastructure;

namespace Herald.Tests.Grains;

/// <summary><see cref="IAccountGrain.UpdateWebhookAsync"/>: the index follows the change, and a stale change is refused.</summary>
[Collection(ClusterCollection.Name)]
public sealed class WebhookUpdateTests(ClusterFixture fixture)
{
    private async Task<IAccountGrain> NewAccountAsync() => (await ClusterScenario.StartAsync(fixture)).Account;

    [Fact]
    public async Task An_update_moves_the_endpoints_filter_in_the_index_and_keeps_its_place_in_the_list()
    {
        var account = await NewAccountAsync();
        var first = (await account.CreateWebhookAsync(TestWebhooks.Spec("http://127.0.0.1:9/a", ["server.created"])))!.Webhook.Id;
        var second = (await account.CreateWebhookAsync(TestWebhooks.Spec("http://127.0.0.1:9/b", ["server.created"])))!.Webhook.Id;

        var updated = await account.UpdateWebhookAsync(first, TestWebhooks.Spec("http://127.0.0.1:9/a2", ["invoice.*"], source: "node-a"), 0);

        Assert.Equal(1, updated!.Revision);
        Assert.Equal("http://127.0.0.1:9/a2", updated.Url);
        Assert.Equal([second], await account.EndpointsReachedAsync(fixture.Database, "server.created", null));
        Assert.Empty(await account.EndpointsReachedAsync(fixture.Database, "invoice.paid", "node-b"));
        Assert.Equal([first], await account.EndpointsReachedAsync(fixture.Database, "invoice.paid", "node-a"));
        Assert.Equal([second, first], await account.ListWebhooksAsync());
    }

    [Fact]
    public async Task An_update_built_on_an_older_revision_is_refused_and_changes_nothing()
    {
        var account = await NewAccountAsync();
        var id = (await account.CreateWebhookAsync(TestWebhooks.Spec("http://127.0.0.1:9/a", ["server.created"])))!.Webhook.Id;
        await account.UpdateWebhookAsync(id, TestWebhooks.Spec("http://127.0.0.1:9/first", ["server.created"]), 0);

        await Assert.ThrowsAsync<WebhookChangedException>(() =>
            account.UpdateWebhookAsync(id, TestWebhooks.Spec("http://127.0.0.1:9/second", ["invoice.paid"]), 0));

        var view = await fixture.Cluster.GrainFactory.GetGrain<IEndpointGrain>(id).GetAsync();
        Assert.Equal("http://127.0.0.1:9/first", view!.Url);
        Assert.Equal(1, view.Revision);
        Assert.Equal([id], await account.EndpointsReachedAsync(fixture.Database, "server.created", null));
        Assert.Empty(await account.EndpointsReachedAsync(fixture.Database, "invoice.paid", null));
    }

    [Fact]
    public async Task An_update_of_an_endpoint_the_account_does_not_have_answers_null()
    {
        var account = await NewAccountAsync();
        var other = await NewAccountAsync();
        var id = (await other.CreateWebhookAsync(TestWebhooks.Spec("http://127.0.0.1:9/a", ["*"])))!.Webhook.Id;

        Assert.Null(await account.UpdateWebhookAsync(id, TestWebhooks.Spec("http://127.0.0.1:9/stolen", ["*"]), 0));
        Assert.Equal("http://127.0.0.1:9/a", (await fixture.Cluster.GrainFactory.GetGrain<IEndpointGrain>(id).GetAsync())!.Url);
    }
}
