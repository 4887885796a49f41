using System.Net;
using Herald.Tests.Api;
using Herald.Tests.Infrastructure;
using Herald.Verification;

namespace Herald.Tests.Signatures;

[Collection(SignaturesApiCollection.Name)]
public sealed class RotationApiTests(ApiFixture fixture)
{
    [Fact]
    public async Task Standardwebhooks_and_svix_verify_deliveries_before_and_during_a_rotation_with_either_secret()
    {
        await using var receiver = await Receiver.StartAsync();
        var client = fixture.Client((await fixture.CreateAccountAsync()).Key);
        var (id, oldSecret, _) = await client.CreateWebhookAsync(new { url = receiver.Url(), events = new[] { "*" } });
        var before = await client.PublishAndReceiveAsync(receiver, new { type = "invoice.created", data = new { n = 1 } });

        var rotatedAt = DateTimeOffset.UtcNow;
        var (status, rotation, text) = await client.SendAsync(HttpMethod.Post, $"/v1/webhooks/{id}/rotate-secret", new { });
        var during = await client.PublishAndReceiveAsync(receiver, new { type = "invoice.created", data = new { n = 2, note = "héllo 😀" } });

        Assert.True(status == HttpStatusCode.OK, text);
        var newSecret = rotation.GetProperty("secret").GetString()!;
        Assert.StartsWith("whsec_", newSecret);
        Assert.NotEqual(oldSecret, newSecret);
        var expires = rotation.GetProperty("previous_expires_at").GetDateTimeOffset();
        Assert.InRange(expires, rotatedAt.AddHours(24).AddMinutes(-1), rotatedAt.AddHours(24).AddMinutes(1));
        Assert.Single(before.Headers["webhook-signature"].Split(' '));
        Assert.Equal(2, during.Headers["webhook-signature"].Split(' ').Length);
        foreach (var (secret, request) in new[] { (oldSecret, before), (oldSecret, during), (newSecret, during) })
        {
            var standard = await StandardWebhooksNode.VerifyAsync(secret, request);
            var svix = await StandardWebhooksNode.VerifyWithSvixAsync(secret, request);
            Assert.True(standard.Verified, standard.Output);
            Assert.True(svix.Verified, svix.Output);
        }
        var (newOnBefore, _) = await StandardWebhooksNode.VerifyWithSvixAsync(newSecret, before);
        Assert.False(newOnBefore);
    }

    [Fact]
    public async Task A_custom_rotation_signs_with_the_new_secret_and_sends_the_old_ones_signature_in_the_previous_header()
    {
        await using var receiver = await Receiver.StartAsync();
        var client = fixture.Client((await fixture.CreateAccountAsync()).Key);
        var profile = new HmacProfile("X-Hostwares-Signature") { Prefix = "sha256=" };
        var (id, oldSecret, _) = await client.CreateWebhookAsync(new
        {
            url = receiver.Url(), events = new[] { "*" }, secret = "the-first-secret-value",
            signature = new { scheme = "hmac-sha256", header = "X-Hostwares-Signature", prefix = "sha256=" },
        });

        var rotate = await client.SendAsync(HttpMethod.Post, $"/v1/webhooks/{id}/rotate-secret", new { secret = "the-second-secret-value", grace_period = "1h" });
        var during = await client.PublishAndReceiveAsync(receiver, new { type = "a.b", data = new { } }, "Herald-Event-Id");
        var noGrace = await client.SendAsync(HttpMethod.Post, $"/v1/webhooks/{id}/rotate-secret", new { secret = "the-third-secret-value", grace_period = "0s" });
        var after = await client.PublishAndReceiveAsync(receiver, new { type = "a.b", data = new { } }, "Herald-Event-Id");

        Assert.Equal("the-second-secret-value", rotate.Body.GetProperty("secret").GetString());
        Assert.Equal(WebhookSignature.Hmac(WebhookSignature.HmacKey("the-second-secret-value"), profile, "", 0, during.Body), during.Headers["x-hostwares-signature"]);
        Assert.Equal(WebhookSignature.Hmac(WebhookSignature.HmacKey(oldSecret), profile, "", 0, during.Body), during.Headers["x-hostwares-signature-previous"]);
        Assert.Equal(HttpStatusCode.OK, noGrace.Status);
        Assert.False(after.Headers.ContainsKey("x-hostwares-signature-previous"));
        Verify(profile, "the-third-secret-value", after, VerificationResult.Verified);
        Verify(profile, "the-second-secret-value", after, VerificationResult.SignatureMismatch);
    }

    [Fact]
    public async Task Rotation_is_validated_and_another_accounts_webhook_answers_404()
    {
        var client = fixture.Client((await fixture.CreateAccountAsync()).Key);
        var other = fixture.Client((await fixture.CreateAccountAsync()).Key);
        var (id, _, _) = await client.CreateWebhookAsync(new { url = "http://127.0.0.1:9/x", events = new[] { "*" } });

        var foreign = await other.SendAsync(HttpMethod.Post, $"/v1/webhooks/{id}/rotate-secret");
        var missing = await client.SendAsync(HttpMethod.Post, "/v1/webhooks/wh_nothing/rotate-secret");
        var tooLong = await client.SendAsync(HttpMethod.Post, $"/v1/webhooks/{id}/rotate-secret", new { grace_period = "8d" });
        var badSecret = await client.SendAsync(HttpMethod.Post, $"/v1/webhooks/{id}/rotate-secret", new { secret = "whsec_c2hvcnQ=", grace_period = "soon" });
        var noBody = await client.SendAsync(HttpMethod.Post, $"/v1/webhooks/{id}/rotate-secret");

        Assert.Equal(HttpStatusCode.NotFound, foreign.Status);
        Assert.Equal(HttpStatusCode.NotFound, missing.Status);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooLong.Status);
        Assert.True(tooLong.Body.GetProperty("errors").TryGetProperty("grace_period", out _));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badSecret.Status);
        Assert.True(badSecret.Body.GetProperty("errors").TryGetProperty("secret", out _));
        Assert.True(badSecret.Body.GetProperty("errors").TryGetProperty("grace_period", out _));
        Assert.Equal(HttpStatusCode.OK, noBody.Status);
    }

    private static void Verify(HmacProfile profile, string secret, ReceivedRequest request, VerificationResult expected) =>
        Assert.Equal(expected, new HmacWebhookVerifier(profile, [secret]).Verify(name => request.Headers.GetValueOrDefault(name.ToLowerInvariant()), request.Body));
}
