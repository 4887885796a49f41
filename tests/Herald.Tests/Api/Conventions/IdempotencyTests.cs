using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Herald.Api.Json;
using Herald.Grains.Recovery;
using Herald.Grains.Storage;
using Herald.Tests.Api.Faults;
using Microsoft.Extensions.DependencyInjection;
using static Herald.Tests.Api.Conventions.IdempotentCalls;

namespace Herald.Tests.Api.Conventions;

public sealed class IdempotencyTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private static readonly object Webhook = new { url = "http://127.0.0.1:9/hooks", events = new[] { "*" } };

    [Fact]
    public async Task The_same_key_and_body_answer_the_stored_answer_again_and_create_nothing_more()
    {
        var (_, key) = await fixture.CreateAccountAsync();
        var client = fixture.Client(key);

        var first = await PostAsync(client, "/v1/webhooks", "create-1", Webhook);
        var again = await PostAsync(client, "/v1/webhooks", "create-1", Webhook);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.False(Replayed(first));
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.True(Replayed(again));
        Assert.Equal(first.Headers.Location, again.Headers.Location);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
        Assert.Equal("application/json", again.Content.Headers.ContentType?.MediaType);
        var list = await client.GetFromJsonAsync<JsonElement>("/v1/webhooks");
        Assert.Equal(1, list.GetProperty("data").GetArrayLength());
    }

    [Fact]
    public async Task The_same_key_with_another_body_is_409_idempotency_mismatch()
    {
        var (_, key) = await fixture.CreateAccountAsync();
        var client = fixture.Client(key);
        await PostAsync(client, "/v1/webhooks", "create-2", Webhook);

        var other = await PostAsync(client, "/v1/webhooks", "create-2", new { url = "http://127.0.0.1:9/other", events = new[] { "*" } });
        var otherRoute = await PostAsync(client, "/v1/events", "create-2", new { type = "a.b", data = new { } });

        await ProblemAssert.IsAsync(other, HttpStatusCode.Conflict, ProblemCodes.IdempotencyMismatch);
        await ProblemAssert.IsAsync(otherRoute, HttpStatusCode.Conflict, ProblemCodes.IdempotencyMismatch);
        var list = await client.GetFromJsonAsync<JsonElement>("/v1/webhooks");
        Assert.Equal(1, list.GetProperty("data").GetArrayLength());
    }

    [Fact]
    public async Task Keys_belong_to_their_caller()
    {
        var (_, keyA) = await fixture.CreateAccountAsync();
        var (_, keyB) = await fixture.CreateAccountAsync();

        var a = await PostAsync(fixture.Client(keyA), "/v1/webhooks", "shared-key", Webhook);
        var b = await PostAsync(fixture.Client(keyB), "/v1/webhooks", "shared-key", Webhook);

        Assert.Equal((HttpStatusCode.Created, false), (a.StatusCode, Replayed(a)));
        Assert.Equal((HttpStatusCode.Created, false), (b.StatusCode, Replayed(b)));
        Assert.NotEqual(a.Headers.Location, b.Headers.Location);
    }

    [Fact]
    public async Task An_answer_that_is_not_2xx_is_not_stored()
    {
        var (_, key) = await fixture.CreateAccountAsync();
        var client = fixture.Client(key);

        var refused = await PostAsync(client, "/v1/webhooks", "fix-and-retry", new { url = "not a url", events = new[] { "*" } });
        var fixedBody = await PostAsync(client, "/v1/webhooks", "fix-and-retry", Webhook);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal((HttpStatusCode.Created, false), (fixedBody.StatusCode, Replayed(fixedBody)));
    }

    [Fact]
    public async Task A_key_whose_first_request_still_runs_is_409_idempotency_in_progress_with_retry_after()
    {
        var (accountId, key) = await fixture.CreateAccountAsync();
        var json = JsonSerializer.Serialize(Webhook);
        var store = fixture.Services.GetRequiredService<IdempotencyStore>();
        // The first request holds its claim: made here as the filter makes it, with the fingerprint the filter takes.
        Assert.Null(await store.ClaimAsync(accountId, "running", await FingerprintAsync("/v1/webhooks", json), DateTimeOffset.UtcNow));

        var second = await PostTextAsync(fixture.Client(key), "/v1/webhooks", "running", json);

        await ProblemAssert.IsRetryLaterAsync(second, HttpStatusCode.Conflict, ProblemCodes.IdempotencyInProgress);
    }

    [Fact]
    public async Task A_claim_left_by_a_request_that_never_ended_is_taken_over_after_its_time()
    {
        var (accountId, key) = await fixture.CreateAccountAsync();
        var json = JsonSerializer.Serialize(Webhook);
        var store = fixture.Services.GetRequiredService<IdempotencyStore>();
        var longAgo = DateTimeOffset.UtcNow - IdempotencyStore.AbandonedAfter - TimeSpan.FromSeconds(10);
        Assert.Null(await store.ClaimAsync(accountId, "abandoned", await FingerprintAsync("/v1/webhooks", json), longAgo));

        var second = await PostTextAsync(fixture.Client(key), "/v1/webhooks", "abandoned", json);

        Assert.Equal((HttpStatusCode.Created, false), (second.StatusCode, Replayed(second)));
    }

    [Fact]
    public async Task Two_requests_at_once_with_one_key_create_one_webhook()
    {
        var (_, key) = await fixture.CreateAccountAsync();
        var client = fixture.Client(key);

        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => PostAsync(client, "/v1/webhooks", "race", Webhook)));

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Created && !Replayed(a));
        foreach (var other in answers.Where(a => a.StatusCode != HttpStatusCode.Created || Replayed(a)))
        {
            if (other.StatusCode != HttpStatusCode.Created)
            {
                await ProblemAssert.IsRetryLaterAsync(other, HttpStatusCode.Conflict, ProblemCodes.IdempotencyInProgress);
            }
        }
        var list = await client.GetFromJsonAsync<JsonElement>("/v1/webhooks");
        Assert.Equal(1, list.GetProperty("data").GetArrayLength());
    }

    [Theory]
    [InlineData("a\tb")]
    [InlineData("naïve")]
    [InlineData(null)]
    public async Task A_key_that_is_not_1_to_255_printable_ascii_characters_is_400_invalid_parameter(string? bad)
    {
        var (_, key) = await fixture.CreateAccountAsync();
        var request = new HttpRequestMessage(HttpMethod.Post, "/v1/webhooks") { Content = JsonContent.Create(Webhook) };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", bad ?? new string('k', 256));

        var response = await fixture.Client(key).SendAsync(request);

        var problem = await ProblemAssert.IsAsync(response, HttpStatusCode.BadRequest, ProblemCodes.InvalidParameter);
        Assert.True(problem.GetProperty("errors").TryGetProperty("Idempotency-Key", out _));
    }

    [Fact]
    public async Task Stored_answers_that_hold_a_secret_are_sealed_at_rest_and_replayed_in_clear()
    {
        var (accountId, key) = await fixture.CreateAccountAsync();
        var admin = fixture.Client(ApiFixture.AdminKey);

        var account = await PostAsync(admin, "/v1/accounts", "new-account", new { name = "sealed" });
        var webhook = await PostAsync(fixture.Client(key), "/v1/webhooks", "new-webhook", Webhook);
        var publish = await PostAsync(fixture.Client(key), "/v1/events", "new-event", new { type = "a.b", data = new { } });
        var accountAgain = await PostAsync(admin, "/v1/accounts", "new-account", new { name = "sealed" });

        var apiKey = (await account.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("api_key").GetString()!;
        var secret = (await webhook.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("secret").GetString()!;
        Assert.Equal(apiKey, (await accountAgain.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("api_key").GetString());
        var rows = await ReadRowsAsync();
        Assert.True(rows[("admin", "new-account")].Sealed);
        Assert.DoesNotContain(apiKey, rows[("admin", "new-account")].Text);
        Assert.True(rows[(accountId, "new-webhook")].Sealed);
        Assert.DoesNotContain(secret, rows[(accountId, "new-webhook")].Text);
        Assert.DoesNotContain("whsec_", rows[(accountId, "new-webhook")].Text);
        // An event's answer holds no secret: stored as it was sent.
        Assert.False(rows[(accountId, "new-event")].Sealed);
        Assert.Equal(await publish.Content.ReadAsStringAsync(), rows[(accountId, "new-event")].Text);
    }

    [Fact]
    public async Task The_retention_job_purges_answers_older_than_24_hours_and_the_key_then_runs_afresh()
    {
        var (accountId, key) = await fixture.CreateAccountAsync();
        var client = fixture.Client(key);
        await PostAsync(client, "/v1/webhooks", "old-key", Webhook);
        await PostAsync(client, "/v1/webhooks", "recent-key", Webhook);
        await fixture.Database.ExecuteAsync(
            "update herald_idempotency set created_at = now() - interval '25 hours' where scope = @scope and idem_key = 'old-key'", ("scope", accountId));

        await fixture.Services.GetRequiredService<IGrainFactory>().GetGrain<IDeliverySweeperGrain>(IDeliverySweeperGrain.Key).PurgeAsync();

        var keys = await fixture.Database.TextColumnAsync("select idem_key from herald_idempotency where scope = @scope", ("scope", accountId));
        Assert.Equal(["recent-key"], keys);
        var afresh = await PostAsync(client, "/v1/webhooks", "old-key", Webhook);
        Assert.Equal((HttpStatusCode.Created, false), (afresh.StatusCode, Replayed(afresh)));
    }

    private async Task<Dictionary<(string Scope, string Key), (bool Sealed, string Text)>> ReadRowsAsync()
    {
        await using var dataSource = fixture.Database.CreateDataSource();
        await using var command = dataSource.CreateCommand("select scope, idem_key, sealed, response from herald_idempotency where response is not null");
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new Dictionary<(string, string), (bool, string)>();
        while (await reader.ReadAsync())
        {
            rows[(reader.GetString(0), reader.GetString(1))] = (reader.GetBoolean(2), Encoding.Latin1.GetString(reader.GetFieldValue<byte[]>(3)));
        }
        return rows;
    }
}
