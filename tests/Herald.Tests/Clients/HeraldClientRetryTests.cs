using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Herald.Client;
using Herald.Client.Models;
using Herald.Tests.Infrastructure;

namespace Herald.Tests.Clients;

/// <summary>The client's retries against a stub Herald on 127.0.0.1 that answers what each test scripts.</summary>
public sealed class HeraldClientRetryTests
{
    private static readonly byte[] Unavailable = Encoding.UTF8.GetBytes(
        """{"title":"Service unavailable","status":503,"detail":"Herald's database cannot be reached.","code":"database_unavailable"}""");

    private static readonly byte[] Accepted = Encoding.UTF8.GetBytes("""{"id":"evt_stub","endpoints":1}""");

    [Fact]
    public async Task A_publish_answered_503_is_sent_again_after_Retry_After_with_the_same_event_id()
    {
        await using var stub = await Receiver.StartAsync();
        stub.Behave = (n, _) => n == 1 ? new Reply(503, RetryAfter: "1", Body: Unavailable) : new Reply(202, Body: Accepted);
        var client = Client(stub, maxAttempts: 3);
        var clock = Stopwatch.StartNew();

        var result = await client.Events.PublishAsync(new PublishEventRequest("server.created"));

        Assert.Equal("evt_stub", result.Id);
        Assert.Equal(2, stub.Requests.Count);
        var ids = stub.Requests.Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("id").GetString()).ToList();
        Assert.StartsWith("evt_", ids[0]);
        Assert.Equal(ids[0], ids[1]);
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(1), $"sent again after {clock.Elapsed}, before Retry-After");
        Assert.Equal("Bearer stub-key", stub.Requests[1].Headers["authorization"]);
    }

    [Fact]
    public async Task Retries_stop_after_MaxAttempts_and_surface_the_last_problem_with_its_Retry_After()
    {
        await using var stub = await Receiver.StartAsync();
        stub.Behave = (_, _) => new Reply(429, RetryAfter: "1", Body: Encoding.UTF8.GetBytes(
            """{"title":"Too many requests","status":429,"code":"rate_limited"}"""));
        var client = Client(stub, maxAttempts: 2);

        var problem = await Assert.ThrowsAsync<HeraldApiException>(() => client.Webhooks.ListAsync());

        Assert.Equal(2, stub.Requests.Count);
        Assert.Equal((429, "rate_limited"), (problem.Status, problem.Code));
        Assert.Equal(TimeSpan.FromSeconds(1), problem.RetryAfter);
    }

    [Fact]
    public async Task A_Retry_After_longer_than_the_longest_wait_is_surfaced_at_once()
    {
        await using var stub = await Receiver.StartAsync();
        stub.Behave = (_, _) => new Reply(503, RetryAfter: "120", Body: Unavailable);
        var client = Client(stub, maxAttempts: 5);

        var problem = await Assert.ThrowsAsync<HeraldApiException>(() => client.Events.GetAsync("evt_x"));

        Assert.Single(stub.Requests);
        Assert.Equal("database_unavailable", problem.Code);
    }

    [Fact]
    public async Task A_create_carries_one_Idempotency_Key_on_all_its_tries_and_another_call_a_new_one()
    {
        await using var stub = await Receiver.StartAsync();
        stub.Behave = (n, _) => n == 1 ? new Reply(503, RetryAfter: "1", Body: Unavailable)
            : new Reply(201, Body: Encoding.UTF8.GetBytes("""{"id":"wh_stub","url":"https://example.com/h","events":["a.b"]}"""));
        var client = Client(stub, maxAttempts: 3);

        await client.Webhooks.CreateAsync(new CreateWebhookRequest("https://example.com/h", ["a.b"]));
        await client.Webhooks.CreateAsync(new CreateWebhookRequest("https://example.com/h", ["a.b"]));

        var keys = stub.Requests.Select(r => r.Headers["idempotency-key"]).ToList();
        Assert.Equal(3, keys.Count);
        Assert.Equal(keys[0], keys[1]);
        Assert.NotEqual(keys[1], keys[2]);
    }

    [Fact]
    public void Waits_follow_Retry_After_or_double_with_at_most_a_quarter_of_jitter_and_never_exceed_the_longest()
    {
        var options = new HeraldClientOptions { FirstRetryDelay = TimeSpan.FromMilliseconds(500), MaxRetryDelay = TimeSpan.FromSeconds(10) };

        Assert.Equal(TimeSpan.FromSeconds(2), RetryDelays.Next(1, TimeSpan.FromSeconds(2), options, 0));
        Assert.Equal(TimeSpan.FromSeconds(2.5), RetryDelays.Next(1, TimeSpan.FromSeconds(2), options, 0.999999)!.Value.Round());
        Assert.Equal(TimeSpan.FromSeconds(1), RetryDelays.Next(2, null, options, 0));
        Assert.Equal(TimeSpan.FromSeconds(10), RetryDelays.Next(1, TimeSpan.FromSeconds(9), options, 0.9));
        Assert.Null(RetryDelays.Next(1, TimeSpan.FromSeconds(11), options, 0));
    }

    private static HeraldClient Client(Receiver stub, int maxAttempts) => new(new HttpClient(), new HeraldClientOptions
    {
        BaseAddress = new Uri(stub.Url("/")),
        ApiKey = "stub-key",
        MaxAttempts = maxAttempts,
    });
}
