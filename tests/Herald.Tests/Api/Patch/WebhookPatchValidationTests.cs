using System.Net;
using Herald.Tests.Signatures;

namespace Herald.Tests.Api.Patch;

/// <summary>A refused PATCH answers problem details naming the field, and the webhook reads the same as before.</summary>
[Collection(WebhookPatchCollection.Name)]
public sealed class WebhookPatchValidationTests(ApiFixture fixture)
{
    [Theory]
    [InlineData("""{"url":"ftp://example.com/x"}""", HttpStatusCode.UnprocessableEntity, "url")]
    [InlineData("""{"url":"http://10.0.0.5/x"}""", HttpStatusCode.UnprocessableEntity, "url")]
    [InlineData("""{"url":"https://169.254.169.254/latest"}""", HttpStatusCode.UnprocessableEntity, "url")]
    [InlineData("""{"url":"https://user:pw@example.com/x"}""", HttpStatusCode.UnprocessableEntity, "url")]
    [InlineData("""{"url":null}""", HttpStatusCode.UnprocessableEntity, "url")]
    [InlineData("""{"description":"fine","url":"/relative"}""", HttpStatusCode.UnprocessableEntity, "url")]
    [InlineData("""{"events":[]}""", HttpStatusCode.UnprocessableEntity, "events")]
    [InlineData("""{"events":null}""", HttpStatusCode.UnprocessableEntity, "events")]
    [InlineData("""{"events":["server.*.x"]}""", HttpStatusCode.UnprocessableEntity, "events[0]")]
    [InlineData("""{"source":"node 1"}""", HttpStatusCode.UnprocessableEntity, "source")]
    [InlineData("""{"timeout_seconds":0}""", HttpStatusCode.UnprocessableEntity, "timeout_seconds")]
    [InlineData("""{"retry":{"schedule":["1y"]}}""", HttpStatusCode.UnprocessableEntity, "retry.schedule[0]")]
    [InlineData("""{"ordering":"random"}""", HttpStatusCode.UnprocessableEntity, "ordering")]
    [InlineData("""{"ordering":"strict","max_in_flight":4}""", HttpStatusCode.UnprocessableEntity, "max_in_flight")]
    [InlineData("""{"max_in_flight":4}""", HttpStatusCode.UnprocessableEntity, "max_in_flight")]
    [InlineData("""{"rate_limit":0}""", HttpStatusCode.UnprocessableEntity, "rate_limit")]
    [InlineData("""{"headers":{"Content-Type":"text/plain"}}""", HttpStatusCode.UnprocessableEntity, "headers.Content-Type")]
    // The kept custom header collides with the header of the new profile: the result is checked as a whole.
    [InlineData("""{"signature":{"scheme":"hmac-sha256","header":"X-Team"}}""", HttpStatusCode.UnprocessableEntity, "headers.X-Team")]
    [InlineData("""{"secret":"whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"}""", HttpStatusCode.UnprocessableEntity, "secret")]
    [InlineData("""{"secret":null,"description":"x"}""", HttpStatusCode.UnprocessableEntity, "secret")]
    [InlineData("""{"description":"x","bogus":1}""", HttpStatusCode.BadRequest, "bogus")]
    [InlineData("""{"account_id":"acct_x"}""", HttpStatusCode.BadRequest, "account_id")]
    [InlineData("""{"timeout_seconds":"ten"}""", HttpStatusCode.BadRequest, "timeout_seconds")]
    [InlineData("""{"events":"server.created"}""", HttpStatusCode.BadRequest, "events")]
    [InlineData("""{"rate_limit":1.5}""", HttpStatusCode.BadRequest, "rate_limit")]
    [InlineData("""{"headers":["X-Team"]}""", HttpStatusCode.BadRequest, "headers")]
    [InlineData("""{"description":""", HttpStatusCode.BadRequest, "$")]
    [InlineData("""[]""", HttpStatusCode.BadRequest, "$")]
    [InlineData("""null""", HttpStatusCode.BadRequest, "$")]
    [InlineData("""42""", HttpStatusCode.BadRequest, "$")]
    public async Task A_refused_patch_changes_nothing(string body, HttpStatusCode status, string? field)
    {
        var client = fixture.Client((await fixture.CreateAccountAsync()).Key);
        var (id, _, _) = await client.CreateWebhookAsync(new
        {
            url = "http://127.0.0.1:9/v", events = new[] { "server.*" }, source = "node-v", description = "before",
            headers = new Dictionary<string, string> { ["X-Team"] = "ops" },
        });
        var before = await client.GetStringAsync($"/v1/webhooks/{id}");

        var (answered, text) = await client.PatchAsync($"/v1/webhooks/{id}", body);

        Assert.Equal(status, answered);
        Assert.Contains($"\"status\":{(int)status}", text);
        string[] fields = field is null ? [] : [field];
        Assert.Equal(fields, PatchCalls.Fields(text));
        Assert.Equal(before, await client.GetStringAsync($"/v1/webhooks/{id}"));
    }

    [Fact]
    public async Task A_secret_in_a_patch_points_to_rotation()
    {
        var client = fixture.Client((await fixture.CreateAccountAsync()).Key);
        var (id, _, _) = await client.CreateWebhookAsync(new { url = "http://127.0.0.1:9/r", events = new[] { "*" } });

        var refused = await client.PatchAsync($"/v1/webhooks/{id}", new { secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw" });

        PatchCalls.AssertRefused(refused, "secret", $"POST /v1/webhooks/{id}/rotate-secret");
    }

    [Fact]
    public async Task A_move_to_a_full_source_answers_422_and_a_webhook_keeps_its_own_place()
    {
        var (accountId, key) = await fixture.CreateAccountAsync();
        var client = fixture.Client(key);
        await fixture.Client(ApiFixture.AdminKey).PatchAsync($"/v1/accounts/{accountId}", new { max_webhooks_per_source = 1 });
        var (a, _, _) = await client.CreateWebhookAsync(new { url = "http://127.0.0.1:9/a", events = new[] { "*" }, source = "n1" });
        var (b, _, _) = await client.CreateWebhookAsync(new { url = "http://127.0.0.1:9/b", events = new[] { "*" }, source = "n2" });
        var before = await client.GetStringAsync($"/v1/webhooks/{b}");

        var full = await client.PatchAsync($"/v1/webhooks/{b}", new { source = "n1", description = "moved" });
        var unchanged = await client.GetStringAsync($"/v1/webhooks/{b}");
        var ownPlace = await client.PatchAsync($"/v1/webhooks/{a}", new { source = "n1", description = "same source" });
        var accountWide = await client.PatchAsync($"/v1/webhooks/{b}", """{"source":null}""");
        var intoFreedPlace = await client.PatchAsync($"/v1/webhooks/{a}", new { source = "n2" });

        PatchCalls.AssertRefused(full, "source", "max_webhooks_per_source");
        Assert.Equal(before, unchanged);
        Assert.Equal(HttpStatusCode.OK, ownPlace.Status);
        Assert.Equal(HttpStatusCode.OK, accountWide.Status);
        Assert.Equal(HttpStatusCode.OK, intoFreedPlace.Status);
    }
}
