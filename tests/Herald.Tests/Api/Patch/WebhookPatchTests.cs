using System.Net;
using System.Text.Json.Nodes;
using Herald.Tests.Infrastructure;
using Herald.Tests.Signatures;
using Herald.Verification;

namespace Herald.Tests.Api.Patch;

/// <summary>What a PATCH keeps, replaces and clears, and who may send one.</summary>
[Collection(WebhookPatchCollection.Name)]
public sealed class WebhookPatchTests(ApiFixture fixture)
{
    private const string Full = """
        {"url":"http://127.0.0.1:9/full","events":["server.*","invoice.created"],"source":"node-1","description":"ops hook",
         "retry":{"schedule":["1m","5m"]},"timeout_seconds":5,"ordering":"concurrent","max_in_flight":4,"rate_limit":20,
         "headers":{"X-Team":"ops"}}
        """;

    [Fact]
    public async Task Absent_fields_keep_their_value_and_the_answer_is_the_webhook_as_get_shows_it()
    {
        var client = fixture.Client((await fixture.CreateAccountAsync()).Key);
        var (id, _, _) = await client.CreateWebhookAsync(Full);
        var expected = await client.ReadAsync($"/v1/webhooks/{id}");

        var described = await client.PatchAsync($"/v1/webhooks/{id}", """{"description":"renamed"}""");
        var moved = await client.PatchAsync($"/v1/webhooks/{id}", """{"url":"http://127.0.0.1:9/moved","events":["server.created"]}""");

        Assert.Equal(HttpStatusCode.OK, described.Status);
        Assert.Equal(HttpStatusCode.OK, moved.Status);
        expected["description"] = "renamed";
        Assert.Equal(expected.ToJsonString(), JsonNode.Parse(described.Text)!.ToJsonString());
        expected["url"] = "http://127.0.0.1:9/moved";
        expected["events"] = new JsonArray("server.created");
        Assert.Equal(expected.ToJsonString(), JsonNode.Parse(moved.Text)!.ToJsonString());
        Assert.Equal(moved.Text, await client.GetStringAsync($"/v1/webhooks/{id}"));
        Assert.DoesNotContain("secret", moved.Text);
    }

    [Fact]
    public async Task Null_clears_description_source_and_rate_limit_and_resets_the_rest_to_what_post_gives()
    {
        var admin = fixture.Client(ApiFixture.AdminKey);
        var (status, account, text) = await admin.SendAsync(HttpMethod.Post, "/v1/accounts",
            """{"name":"defaults","timeout_seconds":7,"retry":{"preset":"fast-start"}}""");
        Assert.True(status == HttpStatusCode.Created, text);
        var client = fixture.Client(account.GetProperty("api_key").GetString());
        var (id, _, _) = await client.CreateWebhookAsync(Full);
        var expected = await client.ReadAsync($"/v1/webhooks/{id}");

        var cleared = await client.PatchAsync($"/v1/webhooks/{id}", """{"description":null,"source":null,"rate_limit":null}""");
        expected["description"] = null;
        expected["source"] = null;
        expected["rate_limit"] = null;
        Assert.Equal(HttpStatusCode.OK, cleared.Status);
        Assert.Equal(expected.ToJsonString(), JsonNode.Parse(cleared.Text)!.ToJsonString());

        var reset = await client.PatchAsync($"/v1/webhooks/{id}", """{"retry":null,"timeout_seconds":null,"headers":null,"ordering":null,"signature":null}""");
        expected["retry"] = JsonNode.Parse("""{"schedule":["10s","1m","5m","30m","2h"],"retry_client_errors":false}""");
        expected["timeout_seconds"] = 7;
        expected["headers"] = new JsonObject();
        expected["ordering"] = "strict";
        expected["max_in_flight"] = 1;
        Assert.Equal(HttpStatusCode.OK, reset.Status);
        Assert.Equal(expected.ToJsonString(), JsonNode.Parse(reset.Text)!.ToJsonString());
    }

    [Fact]
    public async Task A_new_ordering_without_max_in_flight_takes_that_modes_default()
    {
        var client = fixture.Client((await fixture.CreateAccountAsync()).Key);
        var (id, _, _) = await client.CreateWebhookAsync(new { url = "http://127.0.0.1:9/o", events = new[] { "*" } });
        var path = $"/v1/webhooks/{id}";

        var concurrent = await client.PatchAsync(path, new { ordering = "concurrent" });
        var fewer = await client.PatchAsync(path, new { max_in_flight = 3 });
        var strict = await client.PatchAsync(path, new { ordering = "strict" });

        Assert.Equal(10, JsonNode.Parse(concurrent.Text)!["max_in_flight"]!.GetValue<int>());
        Assert.Equal("concurrent", JsonNode.Parse(fewer.Text)!["ordering"]!.GetValue<string>());
        Assert.Equal(3, JsonNode.Parse(fewer.Text)!["max_in_flight"]!.GetValue<int>());
        Assert.Equal(1, JsonNode.Parse(strict.Text)!["max_in_flight"]!.GetValue<int>());
    }

    [Fact]
    public async Task Status_is_not_changed_by_a_patch()
    {
        var client = fixture.Client((await fixture.CreateAccountAsync()).Key);
        var (id, _, _) = await client.CreateWebhookAsync(new { url = "http://127.0.0.1:9/s", events = new[] { "*" } });
        await client.PostAsync($"/v1/webhooks/{id}/disable", null);

        var patched = await client.PatchAsync($"/v1/webhooks/{id}", new { description = "still paused" });
        var status = await client.PatchAsync($"/v1/webhooks/{id}", """{"status":"active"}""");

        Assert.Equal("disabled", JsonNode.Parse(patched.Text)!["status"]!.GetValue<string>());
        Assert.Equal("user", JsonNode.Parse(patched.Text)!["disabled_reason"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, status.Status);
    }

    [Fact]
    public async Task The_admin_may_name_the_account_or_not_and_other_accounts_get_404_and_change_nothing()
    {
        var (ownerId, ownerKey) = await fixture.CreateAccountAsync("owner");
        var (otherId, otherKey) = await fixture.CreateAccountAsync("other");
        var owner = fixture.Client(ownerKey);
        var admin = fixture.Client(ApiFixture.AdminKey);
        var (id, _, _) = await owner.CreateWebhookAsync(new { url = "http://127.0.0.1:9/a", events = new[] { "*" }, description = "before" });
        var before = await owner.GetStringAsync($"/v1/webhooks/{id}");

        var foreign = await fixture.Client(otherKey).PatchAsync($"/v1/webhooks/{id}", new { description = "pwned" });
        var foreignNamed = await fixture.Client(otherKey).PatchAsync($"/v1/webhooks/{id}?account_id={ownerId}", new { description = "pwned" });
        var foreignMalformed = await fixture.Client(otherKey).PatchAsync($"/v1/webhooks/{id}", "{");
        var adminWrongAccount = await admin.PatchAsync($"/v1/webhooks/{id}?account_id={otherId}", new { description = "pwned" });
        var missing = await owner.PatchAsync("/v1/webhooks/wh_missing", new { description = "x" });
        var unchanged = await owner.GetStringAsync($"/v1/webhooks/{id}");
        var adminNamed = await admin.PatchAsync($"/v1/webhooks/{id}?account_id={ownerId}", new { description = "by admin, named" });
        var adminById = await admin.PatchAsync($"/v1/webhooks/{id}", new { description = "by admin" });

        Assert.All(new[] { foreign, foreignNamed, foreignMalformed, adminWrongAccount, missing }, r =>
        {
            Assert.Equal(HttpStatusCode.NotFound, r.Status);
            Assert.Contains("\"status\":404", r.Text);
        });
        Assert.Equal(before, unchanged);
        Assert.Equal(HttpStatusCode.OK, adminNamed.Status);
        Assert.Equal(HttpStatusCode.OK, adminById.Status);
        Assert.Equal("by admin", (await owner.ReadAsync($"/v1/webhooks/{id}"))["description"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_new_scheme_signs_with_the_same_secret_and_a_secret_that_does_not_suit_it_is_refused()
    {
        await using var receiver = await Receiver.StartAsync();
        var client = fixture.Client((await fixture.CreateAccountAsync()).Key);
        var (standard, standardSecret, _) = await client.CreateWebhookAsync(new { url = receiver.Url(), events = new[] { "*" } });
        var (custom, _, _) = await client.CreateWebhookAsync(new
        {
            url = "http://127.0.0.1:9/c", events = new[] { "*" }, signature = new { scheme = "hmac-sha256", header = "X-Sig" }, secret = "your_webhook_secret",
        });
        var customBefore = await client.GetStringAsync($"/v1/webhooks/{custom}");

        var toCustom = await client.PatchAsync($"/v1/webhooks/{standard}", new { signature = new { scheme = "hmac-sha256", header = "X-Sig" } });
        var signed = await client.PublishAndReceiveAsync(receiver, new { type = "a.b", data = new { } }, "Herald-Event-Id");
        var refused = await client.PatchAsync($"/v1/webhooks/{custom}", new { signature = new { scheme = "standard-webhooks" } });
        var customAfter = await client.GetStringAsync($"/v1/webhooks/{custom}");
        var rotated = await client.SendAsync(HttpMethod.Post, $"/v1/webhooks/{custom}/rotate-secret",
            new { secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", grace_period = "0s" });
        var toStandard = await client.PatchAsync($"/v1/webhooks/{custom}", new { signature = new { scheme = "standard-webhooks" } });

        Assert.Equal(HttpStatusCode.OK, toCustom.Status);
        Assert.Equal(VerificationResult.Verified,
            new HmacWebhookVerifier(new HmacProfile("X-Sig"), [standardSecret]).Verify(name => signed.Headers.GetValueOrDefault(name.ToLowerInvariant()), signed.Body));
        PatchCalls.AssertRefused(refused, "signature.scheme", "rotate-secret");
        Assert.Equal(customBefore, customAfter);
        Assert.Equal(HttpStatusCode.OK, rotated.Status);
        Assert.Equal(HttpStatusCode.OK, toStandard.Status);
    }
}
