using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Herald.Api.Json;
using Herald.Tests.Api.Faults;
using Herald.Tests.Infrastructure;
using static Herald.Tests.Api.Conventions.IdempotentCalls;

namespace Herald.Tests.Api.Conventions;

/// <summary>
/// How <c>Idempotency-Key</c> and a publish's <c>id</c> work together on <c>POST /v1/events</c>: the key dedupes the
/// request for 24 hours (same body → the stored answer, replayed; another body → 409), the event id dedupes the event
/// for the retention period (the first result, whatever the body). Without an id, a key that is a valid event id names
/// the event.
/// </summary>
public sealed class EventIdempotencyTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Without_an_id_a_key_that_is_a_valid_event_id_names_the_event_and_a_repeat_is_replayed()
    {
        await using var receiver = await Receiver.StartAsync();
        var (client, accountId) = await ClientWithWebhookAsync(receiver);

        var first = await PostAsync(client, "/v1/events", "order-4711", new { type = "a.b", data = new { n = 1 } });
        var again = await PostAsync(client, "/v1/events", "order-4711", new { type = "a.b", data = new { n = 1 } });

        Assert.Equal((HttpStatusCode.Accepted, false), (first.StatusCode, Replayed(first)));
        Assert.Equal((HttpStatusCode.Accepted, true), (again.StatusCode, Replayed(again)));
        Assert.Equal("order-4711", (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString());
        Assert.Equal(await first.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
        Assert.Equal(1, await QueuedAsync(accountId));
    }

    [Fact]
    public async Task A_key_that_is_not_an_event_id_keys_the_request_only()
    {
        await using var receiver = await Receiver.StartAsync();
        var (client, accountId) = await ClientWithWebhookAsync(receiver);

        var first = await PostAsync(client, "/v1/events", "order 4711 / retry", new { type = "a.b", data = new { } });
        var again = await PostAsync(client, "/v1/events", "order 4711 / retry", new { type = "a.b", data = new { } });

        var id = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        Assert.StartsWith("evt_", id);
        Assert.True(Replayed(again));
        Assert.Equal(id, (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString());
        Assert.Equal(1, await QueuedAsync(accountId));
    }

    [Fact]
    public async Task With_an_id_the_id_names_the_event_and_a_new_key_with_that_id_gets_the_first_result_unreplayed()
    {
        await using var receiver = await Receiver.StartAsync();
        var (client, accountId) = await ClientWithWebhookAsync(receiver);

        var first = await PostAsync(client, "/v1/events", "attempt-1", new { type = "a.b", id = "inv_42", data = new { } });
        var newKey = await PostAsync(client, "/v1/events", "attempt-2", new { type = "a.b", id = "inv_42", data = new { changed = true } });

        Assert.Equal((HttpStatusCode.Accepted, false), (first.StatusCode, Replayed(first)));
        Assert.Equal((HttpStatusCode.Accepted, false), (newKey.StatusCode, Replayed(newKey)));
        Assert.Equal("inv_42", (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString());
        Assert.Equal(await first.Content.ReadAsStringAsync(), await newKey.Content.ReadAsStringAsync());
        Assert.Equal(1, await QueuedAsync(accountId));
        await Eventually.ReturnsAsync(() => receiver.Requests, r => r.Count == 1, what: "one delivery");
    }

    [Fact]
    public async Task The_same_key_with_another_payload_is_409_and_queues_nothing()
    {
        await using var receiver = await Receiver.StartAsync();
        var (client, accountId) = await ClientWithWebhookAsync(receiver);
        await PostAsync(client, "/v1/events", "pay-1", new { type = "a.b", data = new { amount = 10 } });

        var other = await PostAsync(client, "/v1/events", "pay-1", new { type = "a.b", data = new { amount = 20 } });

        await ProblemAssert.IsAsync(other, HttpStatusCode.Conflict, ProblemCodes.IdempotencyMismatch);
        Assert.Equal(1, await QueuedAsync(accountId));
    }

    private async Task<(HttpClient Client, string AccountId)> ClientWithWebhookAsync(Receiver receiver)
    {
        var (accountId, key) = await fixture.CreateAccountAsync();
        var client = fixture.Client(key);
        (await client.PostAsJsonAsync("/v1/webhooks", new { url = receiver.Url(), events = new[] { "*" } })).EnsureSuccessStatusCode();
        return (client, accountId);
    }

    /// <summary>Deliveries queued for the account: a 202 is durable, so this is final once the answers are in.</summary>
    private Task<long> QueuedAsync(string accountId) =>
        fixture.Database.ScalarAsync<long>("select count(*) from herald_deliveries where account_id = @account", ("account", accountId));
}
