using System.Text;
using Herald.Abstractions.Signatures;
using Herald.Grains.Endpoints;
using Herald.Grains.Secrets;
using Herald.Grains.Signing;
using Herald.Tests.Infrastructure;
using Herald.Verification;
using Microsoft.Extensions.Options;

namespace Herald.Tests.Signing;

public sealed class DeliverySignerTests
{
    private const string EndpointId = "wh_signer";
    private const string VectorSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static readonly byte[] VectorBody = Encoding.UTF8.GetBytes("{\"test\": 2432232314}");
    private static readonly DateTimeOffset VectorTime = DateTimeOffset.FromUnixTimeSeconds(1614265330);

    private static readonly SignatureProfile Hostwares = new()
    {
        Scheme = SignatureScheme.HmacSha256,
        Header = "X-Hostwares-Signature",
        Prefix = "sha256=",
        TimestampHeader = "X-Hostwares-Timestamp",
        EventHeader = "X-Hostwares-Event",
    };

    private readonly ManualClock _clock = new(VectorTime);
    private readonly EndpointSecrets _secrets;
    private readonly DeliverySigner _signer;

    public DeliverySignerTests()
    {
        _secrets = new EndpointSecrets(new SecretProtector(Options.Create(new SecretsOptions { MasterKey = TestSecrets.MasterKey })), _clock);
        _signer = new DeliverySigner(_secrets);
    }

    private EndpointState Endpoint(SignatureProfile profile, string secret)
    {
        var endpoint = new EndpointState { Signature = profile };
        _secrets.Issue(EndpointId, endpoint, secret);
        return endpoint;
    }

    private Dictionary<string, string> Sign(EndpointState endpoint, string eventId = "msg_p5jXN8AQM9LWM0D4loKWxJek", byte[]? body = null) =>
        _signer.Sign(EndpointId, endpoint, eventId, "deployment.completed", body ?? VectorBody, _clock.GetUtcNow())
            .ToDictionary(h => h.Key, h => h.Value);

    [Fact]
    public void Signs_the_public_standard_webhooks_test_vector()
    {
        var headers = Sign(Endpoint(SignatureProfile.StandardWebhooks, VectorSecret));

        Assert.Equal(new Dictionary<string, string>
        {
            ["webhook-id"] = "msg_p5jXN8AQM9LWM0D4loKWxJek",
            ["webhook-timestamp"] = "1614265330",
            ["webhook-signature"] = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
        }, headers);
    }

    [Fact]
    public void A_custom_profile_sends_its_signature_timestamp_event_type_and_the_event_id()
    {
        var headers = Sign(Endpoint(Hostwares, "your_webhook_signing_secret"), "evt_abc");

        var expected = "sha256=" + Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(
            Encoding.UTF8.GetBytes("your_webhook_signing_secret"), VectorBody));
        Assert.Equal(expected, headers["X-Hostwares-Signature"]);
        Assert.Equal("1614265330", headers["X-Hostwares-Timestamp"]);
        Assert.Equal("deployment.completed", headers["X-Hostwares-Event"]);
        Assert.Equal("evt_abc", headers["Herald-Event-Id"]);
        Assert.Equal(4, headers.Count);
    }

    [Fact]
    public void A_custom_id_header_replaces_herald_event_id()
    {
        var headers = Sign(Endpoint(Hostwares with { IdHeader = "X-Hostwares-Delivery" }, "your_webhook_signing_secret"), "evt_abc");

        Assert.Equal("evt_abc", headers["X-Hostwares-Delivery"]);
        Assert.False(headers.ContainsKey("Herald-Event-Id"));
    }

    [Fact]
    public void After_a_standard_rotation_both_secrets_sign_until_the_grace_period_ends_then_only_the_new_one()
    {
        var endpoint = Endpoint(SignatureProfile.StandardWebhooks, VectorSecret);
        var rotated = _secrets.Rotate(EndpointId, endpoint, null, TimeSpan.FromHours(1));
        var verifyOld = new StandardWebhookVerifier([VectorSecret], _clock);
        var verifyNew = new StandardWebhookVerifier([rotated.Secret], _clock);

        var during = Sign(endpoint);
        Assert.Equal(2, during["webhook-signature"].Split(' ').Length);
        Assert.Equal(VerificationResult.Verified, verifyOld.Verify(n => during.GetValueOrDefault(n), VectorBody));
        Assert.Equal(VerificationResult.Verified, verifyNew.Verify(n => during.GetValueOrDefault(n), VectorBody));
        Assert.Equal(VectorTime.AddHours(1), rotated.PreviousExpiresAt);

        _clock.Now = rotated.PreviousExpiresAt;
        var after = Sign(endpoint);
        Assert.Single(after["webhook-signature"].Split(' '));
        Assert.Equal(VerificationResult.SignatureMismatch, new StandardWebhookVerifier([VectorSecret], _clock).Verify(n => after.GetValueOrDefault(n), VectorBody));
        Assert.Equal(VerificationResult.Verified, new StandardWebhookVerifier([rotated.Secret], _clock).Verify(n => after.GetValueOrDefault(n), VectorBody));
    }

    [Fact]
    public void After_a_custom_rotation_the_previous_secret_signs_in_the_previous_header_during_the_grace_period()
    {
        var endpoint = Endpoint(Hostwares, "the-old-secret-value");
        var rotated = _secrets.Rotate(EndpointId, endpoint, "the-new-secret-value", TimeSpan.FromMinutes(10));
        var profile = Hostwares.ToHmacProfile()!;

        var during = Sign(endpoint);
        Assert.Equal(during["X-Hostwares-Signature"], WebhookSignature.Hmac(WebhookSignature.HmacKey("the-new-secret-value"), profile, "", 0, VectorBody));
        Assert.Equal(during["X-Hostwares-Signature-Previous"], WebhookSignature.Hmac(WebhookSignature.HmacKey("the-old-secret-value"), profile, "", 0, VectorBody));

        _clock.Now = rotated.PreviousExpiresAt.AddSeconds(1);
        Assert.False(Sign(endpoint).ContainsKey("X-Hostwares-Signature-Previous"));
    }

    [Fact]
    public void A_second_rotation_drops_the_oldest_secret_and_a_zero_grace_keeps_none()
    {
        var endpoint = Endpoint(SignatureProfile.StandardWebhooks, VectorSecret);
        var second = _secrets.Rotate(EndpointId, endpoint, null, TimeSpan.FromHours(1));
        var third = _secrets.Rotate(EndpointId, endpoint, null, TimeSpan.FromHours(1));

        var headers = Sign(endpoint);
        Assert.Equal(VerificationResult.SignatureMismatch, new StandardWebhookVerifier([VectorSecret], _clock).Verify(n => headers.GetValueOrDefault(n), VectorBody));
        Assert.Equal(VerificationResult.Verified, new StandardWebhookVerifier([second.Secret], _clock).Verify(n => headers.GetValueOrDefault(n), VectorBody));
        Assert.Equal(VerificationResult.Verified, new StandardWebhookVerifier([third.Secret], _clock).Verify(n => headers.GetValueOrDefault(n), VectorBody));

        _secrets.Rotate(EndpointId, endpoint, null, TimeSpan.Zero);
        Assert.Single(Sign(endpoint)["webhook-signature"].Split(' '));
    }
}
