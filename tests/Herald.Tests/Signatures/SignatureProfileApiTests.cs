using System.Net;
using System.Text;
using System.Text.Json;
using Herald.Tests.Api;
using Herald.Tests.Infrastructure;
using Herald.Verification;

namespace Herald.Tests.Signatures;

[Collection(SignaturesApiCollection.Name)]
public sealed class SignatureProfileApiTests(ApiFixture fixture)
{
    private static readonly object CustomProfile = new
    {
        scheme = "hmac-sha256",
        header = "X-Acme-Signature",
        encoding = "base64",
        prefix = "v1=",
        signed_content = "id.timestamp.body",
        timestamp_header = "X-Acme-Timestamp",
        event_header = "X-Acme-Event",
        id_header = "X-Acme-Delivery",
    };

    [Fact]
    public async Task A_custom_profile_signs_every_delivery_as_configured_and_the_webhook_shows_it()
    {
        await using var receiver = await Receiver.StartAsync();
        var client = fixture.Client((await fixture.CreateAccountAsync()).Key);

        var (_, secret, webhook) = await client.CreateWebhookAsync(new { url = receiver.Url(), events = new[] { "server.*" }, signature = CustomProfile });
        var request = await client.PublishAndReceiveAsync(receiver, new { type = "server.created", data = new { id = "srv_1" } }, "X-Acme-Delivery");

        Assert.Equal(JsonSerializer.Serialize(CustomProfile), webhook.GetProperty("signature").GetRawText());
        Assert.Equal(43, secret.Length);
        Assert.Equal("server.created", request.Headers["x-acme-event"]);
        Assert.False(request.Headers.ContainsKey("webhook-signature"));
        Assert.False(request.Headers.ContainsKey("herald-event-id"));
        Assert.StartsWith("v1=", request.Headers["x-acme-signature"]);
        var profile = new HmacProfile("X-Acme-Signature")
        {
            Encoding = SignatureEncoding.Base64, Prefix = "v1=", SignedContent = SignedContent.IdTimestampBody,
            TimestampHeader = "X-Acme-Timestamp", IdHeader = "X-Acme-Delivery",
        };
        Assert.Equal(VerificationResult.Verified,
            new HmacWebhookVerifier(profile, [secret]).Verify(name => request.Headers.GetValueOrDefault(name.ToLowerInvariant()), request.Body));
    }

    [Fact]
    public async Task A_custom_profile_without_an_id_header_sends_the_event_id_in_herald_event_id()
    {
        await using var receiver = await Receiver.StartAsync();
        var client = fixture.Client((await fixture.CreateAccountAsync()).Key);
        await client.CreateWebhookAsync(new { url = receiver.Url(), events = new[] { "*" }, signature = new { scheme = "hmac-sha256", header = "X-Sig" } });

        var request = await client.PublishAndReceiveAsync(receiver, new { type = "a.b", id = "evt_given", data = new { } }, "Herald-Event-Id");

        Assert.Equal("evt_given", request.Headers["herald-event-id"]);
        Assert.Equal(64, request.Headers["x-sig"].Length);
    }

    [Fact]
    public async Task The_account_default_profile_applies_to_new_webhooks_and_a_webhook_profile_overrides_it()
    {
        var admin = fixture.Client(ApiFixture.AdminKey);
        var (status, account, text) = await admin.SendAsync(HttpMethod.Post, "/v1/accounts", new { name = "defaults", signature = CustomProfile });
        Assert.True(status == HttpStatusCode.Created, text);
        var client = fixture.Client(account.GetProperty("api_key").GetString());
        var accountId = account.GetProperty("id").GetString();

        var inherited = (await client.CreateWebhookAsync(new { url = "http://127.0.0.1:9/a", events = new[] { "*" } })).Webhook;
        var overridden = (await client.CreateWebhookAsync(new
        {
            url = "http://127.0.0.1:9/b", events = new[] { "*" }, signature = new { scheme = "standard-webhooks" },
        })).Webhook;
        var patched = await admin.SendAsync(HttpMethod.Patch, $"/v1/accounts/{accountId}", new { signature = new { scheme = "standard-webhooks" } });
        var afterPatch = (await client.CreateWebhookAsync(new { url = "http://127.0.0.1:9/c", events = new[] { "*" } })).Webhook;
        var (_, stillCustom, _) = await client.SendAsync(HttpMethod.Get, $"/v1/webhooks/{inherited.GetProperty("id").GetString()}");

        Assert.Equal(JsonSerializer.Serialize(CustomProfile), account.GetProperty("signature").GetRawText());
        Assert.Equal("X-Acme-Signature", inherited.GetProperty("signature").GetProperty("header").GetString());
        Assert.Equal("""{"scheme":"standard-webhooks"}""", overridden.GetProperty("signature").GetRawText());
        Assert.StartsWith("whsec_", overridden.GetProperty("secret").GetString());
        Assert.Equal(HttpStatusCode.OK, patched.Status);
        Assert.Equal("""{"scheme":"standard-webhooks"}""", patched.Body.GetProperty("signature").GetRawText());
        Assert.Equal("""{"scheme":"standard-webhooks"}""", afterPatch.GetProperty("signature").GetRawText());
        Assert.Equal("hmac-sha256", stillCustom.GetProperty("signature").GetProperty("scheme").GetString());
    }

    [Fact]
    public async Task Invalid_profiles_answer_422_naming_each_field_and_create_nothing()
    {
        var (accountId, key) = await fixture.CreateAccountAsync();
        var client = fixture.Client(key);

        var custom = await client.SendAsync(HttpMethod.Post, "/v1/webhooks", new
        {
            url = "http://127.0.0.1:9/x",
            events = new[] { "*" },
            signature = new
            {
                scheme = "hmac-sha256", header = "Content-Type", encoding = "hexadecimal", prefix = "sha 256=",
                signed_content = "timestamp.body", event_header = "Bad Header", id_header = "webhook-id",
            },
        });
        var standard = await client.SendAsync(HttpMethod.Post, "/v1/webhooks", new
        {
            url = "http://127.0.0.1:9/x", events = new[] { "*" }, signature = new { scheme = "standard-webhooks", header = "X-Sig" },
        });
        var unknown = await client.SendAsync(HttpMethod.Post, "/v1/webhooks", new { url = "http://127.0.0.1:9/x", events = new[] { "*" }, signature = new { scheme = "md5" } });
        var duplicate = await client.SendAsync(HttpMethod.Post, "/v1/webhooks", new
        {
            url = "http://127.0.0.1:9/x", events = new[] { "*" },
            signature = new { scheme = "hmac-sha256", header = "X-Sig", timestamp_header = "x-sig", event_header = "X-Sig-Previous" },
            headers = new Dictionary<string, string> { ["X-Sig"] = "mine" },
        });
        var account = await fixture.Client(ApiFixture.AdminKey).SendAsync(HttpMethod.Patch, $"/v1/accounts/{accountId}", new { signature = new { scheme = "hmac-sha256" } });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, custom.Status);
        Assert.Equal(
            ["signature.encoding", "signature.event_header", "signature.header", "signature.id_header", "signature.prefix", "signature.signed_content"],
            Fields(custom.Body));
        Assert.Equal(["signature.header"], Fields(standard.Body));
        Assert.Equal(["signature.scheme"], Fields(unknown.Body));
        Assert.Equal(["headers.X-Sig", "signature.event_header", "signature.timestamp_header"], Fields(duplicate.Body));
        Assert.Equal(["signature.header"], Fields(account.Body));
        var list = await client.SendAsync(HttpMethod.Get, "/v1/webhooks");
        Assert.Equal(0, list.Body.GetProperty("data").GetArrayLength());
    }

    [Fact]
    public async Task A_supplied_secret_must_suit_the_scheme_that_signs_with_it()
    {
        var client = fixture.Client((await fixture.CreateAccountAsync()).Key);
        var custom = new { scheme = "hmac-sha256", header = "X-Sig" };

        var shortCustom = await client.SendAsync(HttpMethod.Post, "/v1/webhooks", new { url = "http://127.0.0.1:9/x", events = new[] { "*" }, signature = custom, secret = "too-short" });
        var plainForStandard = await client.SendAsync(HttpMethod.Post, "/v1/webhooks", new { url = "http://127.0.0.1:9/x", events = new[] { "*" }, secret = "your_webhook_secret" });
        var seedStyle = await client.CreateWebhookAsync(new { url = "http://127.0.0.1:9/x", events = new[] { "*" }, signature = custom, secret = "your_webhook_secret" });

        Assert.Equal(["secret"], Fields(shortCustom.Body));
        Assert.Equal(["secret"], Fields(plainForStandard.Body));
        Assert.DoesNotContain("your_webhook_secret", plainForStandard.Text);
        Assert.Equal("your_webhook_secret", seedStyle.Secret);
    }

    [Fact]
    public async Task Secrets_appear_only_in_the_answers_to_create_and_rotate()
    {
        await using var receiver = await Receiver.StartAsync();
        var client = fixture.Client((await fixture.CreateAccountAsync()).Key);
        const string supplied = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        var (id, secret, _) = await client.CreateWebhookAsync(new { url = receiver.Url(), events = new[] { "*" }, secret = supplied });
        var rotate = await client.SendAsync(HttpMethod.Post, $"/v1/webhooks/{id}/rotate-secret");
        await client.PublishAndReceiveAsync(receiver, new { type = "a.b", data = new { } });

        var reads = new[]
        {
            await client.SendAsync(HttpMethod.Get, $"/v1/webhooks/{id}"),
            await client.SendAsync(HttpMethod.Get, "/v1/webhooks"),
            await Eventually.ReturnsAsync(() => client.SendAsync(HttpMethod.Get, $"/v1/webhooks/{id}/attempts"),
                r => r.Body.GetProperty("data").GetArrayLength() > 0, what: "attempt logged"),
            await client.SendAsync(HttpMethod.Get, $"/v1/webhooks/{id}/deliveries"),
        };

        Assert.Equal(supplied, secret);
        Assert.Equal(HttpStatusCode.OK, rotate.Status);
        var rotated = rotate.Body.GetProperty("secret").GetString()!;
        Assert.All(reads, r =>
        {
            Assert.Equal(HttpStatusCode.OK, r.Status);
            Assert.DoesNotContain(supplied["whsec_".Length..], r.Text);
            Assert.DoesNotContain(rotated["whsec_".Length..], r.Text);
            Assert.DoesNotContain("\"secret\"", r.Text);
        });
    }

    private static string[] Fields(JsonElement problem) =>
        problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray();
}
