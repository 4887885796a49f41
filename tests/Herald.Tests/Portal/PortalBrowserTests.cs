using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Herald.Tests.Api;

namespace Herald.Tests.Portal;

/// <summary>
/// The portal in a real browser (Debian's chromium, headless) against the real Herald on 127.0.0.1, with receivers on
/// 127.0.0.1; each scenario also runs axe-core on every page it visits and fails on any violation.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class PortalBrowserTests(PortalApiFixture fixture)
{
    [Fact]
    public async Task A_customer_adds_an_endpoint_in_the_portal_and_sees_a_published_event_delivered()
    {
        await SeedCatalogAsync();
        var (accountId, key) = await fixture.CreateAccountAsync("portal-deliver");

        var result = await PortalBrowser.RunAsync("create-and-deliver", new Dictionary<string, object>
        {
            ["base_url"] = fixture.BaseUrl,
            ["token"] = await fixture.PortalTokenAsync(accountId),
            ["account_key"] = key,
        });

        var webhookId = result.GetProperty("webhook_id").GetString()!;
        var webhook = await fixture.Client(key).GetFromJsonAsync<JsonElement>($"/v1/webhooks/{webhookId}");
        Assert.Equal(["server.provisioned", "deployment.failed"], webhook.GetProperty("events").EnumerateArray().Select(e => e.GetString()).Order().Reverse());
        Assert.Equal("ops receiver", webhook.GetProperty("description").GetString());
        Assert.True(result.GetProperty("signature_verified").GetBoolean());
        Assert.Equal("succeeded", result.GetProperty("simulator").GetString());
        Assert.Equal(7, result.GetProperty("axe").GetArrayLength());
    }

    [Fact]
    public async Task A_failing_delivery_shows_in_the_portal_and_is_redelivered_after_the_receiver_heals()
    {
        var (accountId, key) = await fixture.CreateAccountAsync("portal-redeliver");
        // One retry, 2 s after the first attempt: the portal shows the failure, the retry, then the exhausted delivery.
        (await fixture.Client(ApiFixture.AdminKey).PatchAsJsonAsync($"/v1/accounts/{accountId}", new { retry = new { schedule = new[] { "2s" } } }))
            .EnsureSuccessStatusCode();

        var result = await PortalBrowser.RunAsync("failure-and-redeliver", new Dictionary<string, object>
        {
            ["base_url"] = fixture.BaseUrl,
            ["token"] = await fixture.PortalTokenAsync(accountId),
            ["account_key"] = key,
        });

        Assert.StartsWith("dlv_", result.GetProperty("delivery_id").GetString());
        Assert.True(result.GetProperty("rotated").GetBoolean());
        var deleted = await fixture.Client(key).GetAsync($"/v1/webhooks/{result.GetProperty("webhook_id").GetString()}");
        Assert.Equal(HttpStatusCode.NotFound, deleted.StatusCode);
        Assert.Equal(2, result.GetProperty("axe").GetArrayLength());
    }

    [Fact]
    public async Task A_portal_token_of_one_account_never_shows_another_accounts_webhooks()
    {
        var (accountA, keyA) = await fixture.CreateAccountAsync("portal-a");
        var (_, keyB) = await fixture.CreateAccountAsync("portal-b");
        var ownUrl = "http://127.0.0.1:9/account-a";
        var otherUrl = "http://127.0.0.1:9/account-b";
        await CreateWebhookAsync(keyA, ownUrl);
        var other = await CreateWebhookAsync(keyB, otherUrl);

        var result = await PortalBrowser.RunAsync("isolation", new Dictionary<string, object>
        {
            ["base_url"] = fixture.BaseUrl,
            ["token"] = await fixture.PortalTokenAsync(accountA),
            ["account_key"] = keyA,
            ["own_url"] = ownUrl,
            ["other_url"] = otherUrl,
            ["other_webhook_id"] = other,
        });

        Assert.False(result.GetProperty("other_listed").GetBoolean());
        Assert.False(result.GetProperty("other_found").GetBoolean());
        Assert.True(result.GetProperty("unknown_token_refused").GetBoolean());
    }

    [Fact]
    public async Task A_read_only_portal_session_shows_no_write_controls_and_a_forced_write_is_refused()
    {
        var (accountId, key) = await fixture.CreateAccountAsync("portal-read-only");

        var result = await PortalBrowser.RunAsync("read-only", new Dictionary<string, object>
        {
            ["base_url"] = fixture.BaseUrl,
            ["token"] = await fixture.PortalTokenAsync(accountId, readOnly: true),
            ["account_key"] = key,
        });

        Assert.Equal(403, result.GetProperty("forced_status").GetInt32());
        Assert.Equal("insufficient_scope", result.GetProperty("forced_code").GetString());
        Assert.Equal("active", result.GetProperty("status_after").GetString());
        var webhook = await fixture.Client(key).GetFromJsonAsync<JsonElement>($"/v1/webhooks/{result.GetProperty("webhook_id").GetString()}");
        Assert.Equal("active", webhook.GetProperty("status").GetString());
        Assert.Equal(2, result.GetProperty("axe").GetArrayLength());
    }

    [Fact]
    public async Task An_expired_portal_session_opens_on_the_expired_message_not_on_the_account()
    {
        var (accountId, _) = await fixture.CreateAccountAsync("portal-expired");
        var token = await fixture.PortalTokenAsync(accountId, expiresIn: "1h");
        using (var portal = fixture.Client(token))
        {
            Assert.Equal(HttpStatusCode.OK, (await portal.GetAsync("/v1/me")).StatusCode);
        }
        // Herald's access clock past the session's hour (later tests mint their sessions from the new time).
        fixture.Clock.Now += TimeSpan.FromMinutes(61);

        var result = await PortalBrowser.RunAsync("expired", new Dictionary<string, object>
        {
            ["base_url"] = fixture.BaseUrl,
            ["token"] = token,
        });

        Assert.Equal(401, result.GetProperty("me_status").GetInt32());
        Assert.Equal("token_expired", result.GetProperty("me_code").GetString());
        Assert.False(result.GetProperty("endpoints_shown").GetBoolean());
        Assert.False(result.GetProperty("token_kept").GetBoolean());
    }

    private async Task<string> CreateWebhookAsync(string key, string url)
    {
        var answer = await fixture.Client(key).PostAsJsonAsync("/v1/webhooks", new { url, events = new[] { "*" } });
        answer.EnsureSuccessStatusCode();
        return (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    // Seed 003's catalog (CloudNexus): types by category, the picker and the catalog page group them.
    private async Task SeedCatalogAsync()
    {
        var admin = fixture.Client(ApiFixture.AdminKey);
        foreach (var (type, category, description) in new[]
        {
            ("server.provisioned", "Compute", "Triggered when a new VPS or bare metal server finishes initialization and is ready for use."),
            ("server.terminated", "Compute", "Fires when a server instance is permanently deleted."),
            ("deployment.started", "Kubernetes", "Initiated when a new container deployment or Kubernetes rollout begins processing."),
            ("deployment.failed", "Kubernetes", "Alerts when a deployment encounters a critical error or exceeds rollback thresholds."),
            ("backup.completed", "Storage", "Successful completion of a scheduled or manual snapshot/backup operation."),
            ("firewall.updated", "Security", "Triggered when security group rules or WAF policies are modified in any region."),
        })
        {
            var schema = JsonDocument.Parse("""{"type":"object","properties":{"server_id":{"type":"string"}}}""").RootElement;
            (await admin.PutAsJsonAsync($"/v1/event-types/{type}", new { description, category, schema })).EnsureSuccessStatusCode();
        }
    }
}
