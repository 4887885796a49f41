using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Herald.Tests.Api;

/// <summary>
/// Each write route refuses bad input at the edge with problem details naming the field, and writes nothing.
/// (Rotation bodies: <see cref="AccountKeyTests"/>; catalog entries: <see cref="CatalogApiTests"/>.)
/// </summary>
public sealed class WriteRouteValidationTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string? field)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        if (field is not null)
        {
            var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}: {errors}");
        }
    }

    [Theory]
    [InlineData("""{"url":"https://example.com/x","events":["*"],"headers":{"X-A":"1"}}""", null)] // control: valid
    [InlineData("""{"url":"https://user:pw@example.com/x","events":["*"]}""", "url")]
    [InlineData("""{"url":"http://10.0.0.5/x","events":["*"]}""", "url")]
    [InlineData("""{"url":"https://169.254.169.254/latest","events":["*"]}""", "url")]
    [InlineData("""{"url":"https://0177.0.0.2/x","events":["*"]}""", "url")]
    [InlineData("""{"url":"https://[fd00:ec2::254]/x","events":["*"]}""", "url")]
    [InlineData("""{"url":"https://[::1]/x","events":["*"]}""", "url")]
    [InlineData("""{"url":"mailto:a@example.com","events":["*"]}""", "url")]
    [InlineData("""{"url":"/relative","events":["*"]}""", "url")]
    [InlineData("""{"url":"https://example.com/#frag","events":["*"]}""", "url")]
    [InlineData("""{"url":"https://example.com/x","events":["server.*.x"]}""", "events[0]")]
    [InlineData("""{"url":"https://example.com/x","events":[]}""", "events")]
    [InlineData("""{"url":"https://example.com/x","events":["*"],"timeout_seconds":61}""", "timeout_seconds")]
    [InlineData("""{"url":"https://example.com/x","events":["*"],"retry":{"schedule":["1y"]}}""", "retry.schedule[0]")]
    [InlineData("""{"url":"https://example.com/x","events":["*"],"retry":{"schedule":["999999999d"]}}""", "retry.schedule[0]")]
    [InlineData("""{"url":"https://example.com/x","events":["*"],"headers":{"Content-Type":"text/plain"}}""", "headers.Content-Type")]
    [InlineData("""{"url":"https://example.com/x","events":["*"],"headers":{"Transfer-Encoding":"chunked"}}""", "headers.Transfer-Encoding")]
    [InlineData("""{"url":"https://example.com/x","events":["*"],"headers":{"webhook-signature":"v1,x"}}""", "headers.webhook-signature")]
    [InlineData("""{"url":"https://example.com/x","events":["*"],"headers":{"Herald-Event-Id":"x"}}""", "headers.Herald-Event-Id")]
    [InlineData("""{"url":"https://example.com/x","events":["*"],"headers":{"X-A":"a\nb"}}""", "headers.X-A")]
    [InlineData("""{"url":"https://example.com/x","events":["*"],"source":"node 1"}""", "source")]
    [InlineData("""{"url":"https://example.com/x","events":["*"],"ordering":"random"}""", "ordering")]
    public async Task Webhook_registration(string body, string? field)
    {
        var (_, key) = await fixture.CreateAccountAsync();
        var client = fixture.Client(key);

        var response = await client.PostAsync("/v1/webhooks", Json(body));

        var count = (await client.GetFromJsonAsync<JsonElement>("/v1/webhooks")).GetProperty("data").GetArrayLength();
        if (field is null)
        {
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            Assert.Equal(1, count);
            return;
        }
        await AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, field);
        Assert.Equal(0, count);
    }

    [Fact]
    public async Task A_long_url_is_refused()
    {
        var (_, key) = await fixture.CreateAccountAsync();

        var response = await fixture.Client(key).PostAsJsonAsync("/v1/webhooks", new { url = "https://example.com/" + new string('a', 2030), events = new[] { "*" } });

        await AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, "url");
    }

    [Theory]
    [InlineData("""{"type":"a.*","data":{}}""", HttpStatusCode.UnprocessableEntity, "type")]
    [InlineData("""{"type":"a.b","data":{},"payload":{}}""", HttpStatusCode.UnprocessableEntity, "data")]
    [InlineData("""{"type":"a.b","payload":[1]}""", HttpStatusCode.UnprocessableEntity, "payload")]
    [InlineData("""{"type":"a.b","data":{},"source":"a b"}""", HttpStatusCode.UnprocessableEntity, "source")]
    [InlineData("""{"type":"a.b","data":{},"id":"a b"}""", HttpStatusCode.UnprocessableEntity, "id")]
    [InlineData("""{"type":7,"data":{}}""", HttpStatusCode.BadRequest, null)]
    [InlineData("""{"type":"a.b","data":{},"extra":1}""", HttpStatusCode.BadRequest, null)]
    public async Task Publishing(string body, HttpStatusCode status, string? field)
    {
        var (id, key) = await fixture.CreateAccountAsync();

        var response = await fixture.Client(key).PostAsync("/v1/events", Json(body));

        await AssertProblemAsync(response, status, field);
        Assert.Equal(0L, await fixture.Database.ScalarAsync<long>("select count(*) from herald_events where account_id = @a", ("a", id)));
    }

    [Fact]
    public async Task A_payload_over_256_KiB_answers_413_and_one_at_the_limit_is_accepted()
    {
        var (id, key) = await fixture.CreateAccountAsync();
        var client = fixture.Client(key);
        const string frame = """{"blob":""}""";

        static StringContent Payload(int blob) => Json("{\"type\":\"a.b\",\"payload\":{\"blob\":\"" + new string('x', blob) + "\"}}");

        var atLimit = await client.PostAsync("/v1/events", Payload(256 * 1024 - frame.Length));
        var over = await client.PostAsync("/v1/events", Payload(256 * 1024 - frame.Length + 1));
        var wayOver = await client.PostAsync("/v1/events", Payload(400 * 1024));

        Assert.Equal(HttpStatusCode.Accepted, atLimit.StatusCode);
        await AssertProblemAsync(over, HttpStatusCode.RequestEntityTooLarge, null);
        await AssertProblemAsync(wayOver, HttpStatusCode.RequestEntityTooLarge, null);
        Assert.Equal(1L, await fixture.Database.ScalarAsync<long>("select count(*) from herald_events where account_id = @a", ("a", id)));
    }

    [Theory]
    [InlineData("""{"name":""}""", "name")]
    [InlineData("""{"name":"x","on_exhausted":"explode"}""", "on_exhausted")]
    [InlineData("""{"name":"x","disable_after":0}""", "disable_after")]
    [InlineData("""{"name":"x","timeout_seconds":0}""", "timeout_seconds")]
    [InlineData("""{"name":"x","max_webhooks_per_source":0}""", "max_webhooks_per_source")]
    [InlineData("""{"name":"x","retry":{"schedule":["5m"],"exponential":{"base":"1m","factor":2,"max_attempts":3}}}""", "retry")]
    public async Task Account_creation_and_update(string body, string field)
    {
        var (id, key) = await fixture.CreateAccountAsync("unchanged");
        var before = await fixture.Client(key).GetStringAsync($"/v1/accounts/{id}");

        var created = await fixture.Client(ApiFixture.AdminKey).PostAsync("/v1/accounts", Json(body));
        var patched = await fixture.Client(key).PatchAsync($"/v1/accounts/{id}", Json(body));

        await AssertProblemAsync(created, HttpStatusCode.UnprocessableEntity, field);
        await AssertProblemAsync(patched, HttpStatusCode.UnprocessableEntity, field);
        Assert.Equal(before, await fixture.Client(key).GetStringAsync($"/v1/accounts/{id}"));
    }

    [Fact]
    public async Task Control_routes_refuse_unknown_ids_and_bad_recover_bodies()
    {
        var (_, key) = await fixture.CreateAccountAsync();
        var client = fixture.Client(key);
        var webhook = await TenantState.CreateWebhookAsync(client, "https://example.com/x");

        await AssertProblemAsync(await client.DeleteAsync("/v1/webhooks/wh_missing"), HttpStatusCode.NotFound, null);
        await AssertProblemAsync(await client.DeleteAsync("/v1/webhooks/not-a-webhook-id"), HttpStatusCode.NotFound, null);
        await AssertProblemAsync(await client.PostAsync("/v1/webhooks/wh_missing/enable", null), HttpStatusCode.NotFound, null);
        await AssertProblemAsync(await client.PostAsync("/v1/webhooks/wh_missing/disable", null), HttpStatusCode.NotFound, null);
        await AssertProblemAsync(await client.PostAsync($"/v1/webhooks/{webhook}/deliveries/dlv_missing/retry", null), HttpStatusCode.NotFound, null);
        await AssertProblemAsync(await client.PostAsync($"/v1/webhooks/{webhook}/recover", Json("""{"since":"2999-01-01T00:00:00Z"}""")), HttpStatusCode.UnprocessableEntity, "since");
        await AssertProblemAsync(await client.PostAsync($"/v1/webhooks/{webhook}/recover", Json("""{"since":"yesterday"}""")), HttpStatusCode.BadRequest, null);
        Assert.Equal("active", (await client.GetFromJsonAsync<JsonElement>($"/v1/webhooks/{webhook}")).GetProperty("status").GetString());
    }
}
