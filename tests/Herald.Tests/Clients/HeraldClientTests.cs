using System.Text.Json.Nodes;
using Herald.Client;
using Herald.Client.Models;
using Herald.Tests.Api;
using Herald.Tests.Infrastructure;

namespace Herald.Tests.Clients;

public sealed class HeraldClientTests(SocketApiFixture fixture) : IClassFixture<SocketApiFixture>
{
    [Fact]
    public async Task A_publisher_creates_a_webhook_publishes_and_reads_the_delivery_through_the_client()
    {
        await using var receiver = await Receiver.StartAsync();
        var admin = Client(ApiFixture.AdminKey);
        var account = await admin.Accounts.CreateAsync(new CreateAccountRequest("client-tour") { TimeoutSeconds = 7 });
        var client = Client(account.ApiKey!);

        var webhook = await client.Webhooks.CreateAsync(new CreateWebhookRequest(receiver.Url(), ["server.*"]) { Description = "tour" });
        var published = await client.Events.PublishAsync(new PublishEventRequest("server.created") { Data = new JsonObject { ["n"] = 1 } });
        var read = await Eventually.ReturnsAsync(() => client.Events.GetAsync(published.Id),
            e => e.Deliveries is [{ Status: "succeeded" }], what: "the event delivered");

        Assert.Equal(7, (await client.Accounts.GetAsync(account.Id)).TimeoutSeconds);
        Assert.StartsWith("whsec_", webhook.Secret);
        Assert.StartsWith("evt_", published.Id);
        Assert.Equal(1, published.Endpoints);
        Assert.Equal("server.created", read.Type);
        Assert.Equal(webhook.Id, read.Deliveries![0].WebhookId);
        var log = await client.Webhooks.ListDeliveriesAsync(webhook.Id);
        Assert.Equal(published.Id, Assert.Single(log.Data).EventId);
        Assert.Single(receiver.Requests);
        var stats = await client.Webhooks.GetStatsAsync(webhook.Id);
        Assert.Equal((1, 0, 1.0), (stats.LastHour.Succeeded, stats.LastHour.Failed, stats.LastHour.SuccessRate));
        Assert.Equal((0L, null), (stats.QueueDepth, stats.OldestPendingAgeSeconds));
        Assert.NotNull(stats.LastSuccessAt);
        Assert.Null(stats.LastFailureAt);
    }

    [Fact]
    public async Task Every_webhook_operation_answers_through_the_client()
    {
        await using var receiver = await Receiver.StartAsync();
        var client = Client((await fixture.CreateAccountAsync("client-ops")).Key);
        var webhook = await client.Webhooks.CreateAsync(new CreateWebhookRequest(receiver.Url(), ["invoice.paid"]) { Description = "before" });

        var changed = await client.Webhooks.UpdateAsync(webhook.Id, new WebhookUpdate { Events = ["invoice.*"] });
        var cleared = await client.Webhooks.UpdateAsync(webhook.Id, new JsonObject { ["description"] = null });
        var disabled = await client.Webhooks.DisableAsync(webhook.Id);
        var enabled = await client.Webhooks.EnableAsync(webhook.Id);
        var rotation = await client.Webhooks.RotateSecretAsync(webhook.Id, TimeSpan.FromHours(1));
        var test = await client.Webhooks.TestAsync(webhook.Id);
        var recovered = await client.Webhooks.RecoverAsync(webhook.Id, DateTimeOffset.UtcNow.AddHours(-1));
        var got = await client.Webhooks.GetAsync(webhook.Id);
        await client.Webhooks.DeleteAsync(webhook.Id);
        var gone = await Assert.ThrowsAsync<HeraldApiException>(() => client.Webhooks.GetAsync(webhook.Id));

        Assert.Equal(["invoice.*"], changed.Events);
        Assert.Equal("before", changed.Description);
        Assert.Null(cleared.Description);
        Assert.Equal("disabled", disabled.Status);
        Assert.Equal("active", enabled.Status);
        Assert.StartsWith("whsec_", rotation.Secret);
        Assert.InRange(rotation.PreviousExpiresAt, DateTimeOffset.UtcNow.AddMinutes(55), DateTimeOffset.UtcNow.AddMinutes(65));
        Assert.True(test.Succeeded);
        Assert.Equal(200, test.StatusCode);
        Assert.Equal(0, recovered.Recovered);
        Assert.Equal(webhook.Id, got.Id);
        Assert.Equal((404, "not_found"), (gone.Status, gone.Code));
    }

    [Fact]
    public async Task A_refused_request_surfaces_as_a_HeraldApiException_with_its_status_code_and_fields()
    {
        var client = Client((await fixture.CreateAccountAsync("client-problem")).Key);

        var problem = await Assert.ThrowsAsync<HeraldApiException>(() =>
            client.Webhooks.CreateAsync(new CreateWebhookRequest("ftp://example.com/x", ["server.created"]) { TimeoutSeconds = 120 }));

        Assert.Equal(422, problem.Status);
        Assert.Equal("validation_failed", problem.Code);
        Assert.Contains("url", problem.Errors.Keys);
        Assert.Contains("timeout_seconds", problem.Errors.Keys);
        Assert.False(string.IsNullOrEmpty(problem.Title));
        Assert.Contains("url", problem.Detail);
    }

    [Fact]
    public async Task The_paging_helper_walks_every_page_of_a_list()
    {
        await using var receiver = await Receiver.StartAsync();
        var client = Client((await fixture.CreateAccountAsync("client-pages")).Key);
        var created = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            created.Add((await client.Webhooks.CreateAsync(new CreateWebhookRequest(receiver.Url(), ["a.b"]))).Id);
        }

        var listed = new List<string>();
        await foreach (var webhook in client.Webhooks.ListAllAsync(new ListOptions { Limit = 2 }))
        {
            listed.Add(webhook.Id);
        }
        var first = await client.Webhooks.ListAsync(new ListOptions { Limit = 2 });

        Assert.Equal(created.Order(), listed.Order());
        Assert.Equal(2, first.Data.Count);
        Assert.NotNull(first.NextCursor);
    }

    [Fact]
    public async Task A_publish_given_an_id_is_answered_with_the_first_result_when_sent_again()
    {
        await using var receiver = await Receiver.StartAsync();
        var client = Client((await fixture.CreateAccountAsync("client-dedupe")).Key);
        await client.Webhooks.CreateAsync(new CreateWebhookRequest(receiver.Url(), ["*"]));
        var request = new PublishEventRequest("server.created") { Id = "evt_client_same", Data = new JsonObject() };

        var first = await client.Events.PublishAsync(request);
        var again = await client.Events.PublishAsync(request);

        Assert.Equal(first.Id, again.Id);
        Assert.True(await Eventually.HoldsAsync(() => receiver.Requests.Count == 1, TimeSpan.FromSeconds(20)));
        var read = await client.Events.GetAsync("evt_client_same");
        Assert.Single(read.Deliveries!);
    }

    private HeraldClient Client(string key) =>
        new(new HttpClient(), new HeraldClientOptions { BaseAddress = fixture.BaseAddress, ApiKey = key });
}
