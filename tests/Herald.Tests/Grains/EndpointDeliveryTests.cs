using System.Text;
using Herald.Abstractions.Accounts;
using Herald.Abstractions.Events;
using Herald.Abstractions.Ids;
using Herald.Grains.Signing;
using Herald.Grains.Storage;
using Herald.Testing.Databases;
using Herald.Tests.Infrastructure;
using Herald.Verification;

namespace Herald.Tests.Grains;

[Collection(ClusterCollection.Name)]
public sealed class EndpointDeliveryTests(ClusterFixture fixture)
{
    private async Task<(IAccountGrain Account, string AccountId)> NewAccountAsync()
    {
        var id = HeraldId.New("acct");
        var account = fixture.Cluster.GrainFactory.GetGrain<IAccountGrain>(id);
        await account.CreateAsync("delivery", AccountSettings.Default);
        return (account, id);
    }

    private static PublishCommand Event(string type, string body) =>
        new(HeraldId.New("evt"), type, null, Encoding.UTF8.GetBytes(body), DateTimeOffset.UtcNow);

    [Fact]
    public async Task Endpoint_delivers_the_exact_body_signed_to_a_real_receiver()
    {
        await using var receiver = await Receiver.StartAsync();
        var (account, _) = await NewAccountAsync();
        var created = (await account.CreateWebhookAsync(TestWebhooks.Spec(receiver.Url(), ["server.*"])))!;
        var published = Event("server.created", """{"server":{"id":"srv_1","label":"web-01"},"note":"héllo"}""");

        var result = await account.PublishAsync(published);

        Assert.Equal(1, result!.Endpoints);
        var request = (await Eventually.ReturnsAsync(() => receiver.Requests, r => r.Count >= 1, what: "delivery arrives"))[0];
        Assert.Equal(published.Body, request.Body);
        Assert.Equal(published.EventId, request.Headers["webhook-id"]);
        Assert.Equal("application/json", request.Headers["content-type"]);
        var expected = WebhookSignature.Standard(WebhookSecret.TryDecodeKey(created.Secret)!, published.EventId,
            long.Parse(request.Headers["webhook-timestamp"]), published.Body);
        Assert.Equal(expected, request.Headers["webhook-signature"]);
    }

    [Fact]
    public async Task Every_attempt_is_logged_with_status_latency_error_and_excerpt()
    {
        await using var receiver = await Receiver.StartAsync();
        receiver.Respond = n => n == 1 ? 503 : 200;
        var (account, _) = await NewAccountAsync();
        var webhookId = (await account.CreateWebhookAsync(TestWebhooks.Spec(receiver.Url(), ["*"])))!.Webhook.Id;

        await account.PublishAsync(Event("invoice.created", """{"n":1}"""));

        await using var dataSource = fixture.Database.CreateDataSource();
        var log = new AttemptLog(dataSource);
        var (rows, _) = await Eventually.ReturnsAsync(() => log.ListAsync(webhookId, 10, null), p => p.Page.Count >= 2, what: "two attempts logged");
        var (second, first) = (rows[0], rows[1]);
        Assert.Equal((1, false, 503, "HTTP 503", "received"), (first.Attempt, first.Succeeded, first.StatusCode, first.Error, first.ResponseExcerpt));
        Assert.NotNull(first.NextAttemptAt);
        Assert.Equal((2, true, 200, (string?)null), (second.Attempt, second.Succeeded, second.StatusCode, second.Error));
        Assert.All(rows, r => Assert.InRange(r.LatencyMs, 0, 5000));
    }

    [Fact]
    public async Task An_answer_with_NUL_bytes_is_recorded_with_its_excerpt_cleaned()
    {
        // PostgreSQL's text refuses NUL (22021); an excerpt carrying one failed its whole batch of attempts and left
        // the delivery pending, to be sent again at every wake-up (reliability suite, scenario 1).
        await using var receiver = await Receiver.StartAsync();
        receiver.Behave = (_, _) => new Reply(Body: [(byte)'o', (byte)'k', 0, 0, 0xFF, (byte)'!']);
        var (account, _) = await NewAccountAsync();
        var webhookId = (await account.CreateWebhookAsync(TestWebhooks.Spec(receiver.Url(), ["*"])))!.Webhook.Id;

        await account.PublishAsync(Event("invoice.created", """{"n":1}"""));

        await using var dataSource = fixture.Database.CreateDataSource();
        var log = new AttemptLog(dataSource);
        var (rows, _) = await Eventually.ReturnsAsync(() => log.ListAsync(webhookId, 10, null), p => p.Page.Count >= 1, what: "the attempt is logged");
        var attempt = Assert.Single(rows);
        Assert.Equal((true, 200, "ok\uFFFD\uFFFD\uFFFD!"), (attempt.Succeeded, attempt.StatusCode, attempt.ResponseExcerpt));
        Assert.Single(receiver.Requests);
    }

    [Fact]
    public async Task Strict_endpoint_delivers_in_publish_order_even_when_the_head_is_retried()
    {
        await using var receiver = await Receiver.StartAsync();
        receiver.Respond = n => n == 1 ? 500 : 200;
        var (account, _) = await NewAccountAsync();
        await account.CreateWebhookAsync(TestWebhooks.Spec(receiver.Url(), ["*"]));

        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var e = Event("server.status_changed", $$"""{"seq":{{i}}}""");
            ids.Add(e.EventId);
            await account.PublishAsync(e);
        }

        var requests = await Eventually.ReturnsAsync(() => receiver.Requests, r => r.Count >= 6, what: "5 deliveries + 1 retry");
        Assert.Equal([ids[0], .. ids], requests.Select(r => r.Headers["webhook-id"]));
    }

    [Fact]
    public async Task A_failed_attempt_registers_the_wake_up_reminder_and_an_empty_queue_removes_it()
    {
        await using var receiver = await Receiver.StartAsync();
        receiver.Respond = n => n == 1 ? 500 : 200;
        var (account, _) = await NewAccountAsync();
        var retry = new Herald.Abstractions.Webhooks.RetryPolicy([TimeSpan.FromSeconds(3)], null, false);
        var webhookId = (await account.CreateWebhookAsync(TestWebhooks.Spec(receiver.Url(), ["*"], retry: retry)))!.Webhook.Id;

        await account.PublishAsync(Event("server.created", "{}"));

        await Eventually.ReturnsAsync(() => ReminderCountAsync(webhookId), c => c == 1, what: "reminder registered after the failure");
        await Eventually.ReturnsAsync(() => receiver.Requests, r => r.Count >= 2, what: "retry delivered");
        await Eventually.ReturnsAsync(() => ReminderCountAsync(webhookId), c => c == 0, what: "reminder removed once the queue is empty");
    }

    private Task<long> ReminderCountAsync(string webhookId) =>
        fixture.Database.ScalarAsync<long>(ReminderTable.CountForKeySql, ("key", webhookId));
}
