using System.Security.Cryptography;
using System.Text;
using Herald.Tests.Infrastructure;
using Herald.Verification;

namespace Herald.Tests.Verification;

public sealed class HmacWebhookVerifierTests
{
    private const string Secret = "your-webhook-secret";
    private const long Now = 1716477000;
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"event":"deployment.completed","data":{"site":"é"}}""");

    private static string Hex(string secret, string content) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(content)));

    private static Func<string, string?> Headers(params (string Name, string Value)[] headers)
    {
        var map = headers.ToDictionary(h => h.Name, h => h.Value, StringComparer.OrdinalIgnoreCase);
        return name => map.GetValueOrDefault(name);
    }

    [Fact]
    public void Verifies_a_prefixed_hex_signature_of_the_body_computed_independently()
    {
        var profile = new HmacProfile("X-Hostwares-Signature") { Prefix = "sha256=", TimestampHeader = "X-Hostwares-Timestamp" };
        var headers = Headers(("x-hostwares-signature", "sha256=" + Hex(Secret, Encoding.UTF8.GetString(Body))), ("x-hostwares-timestamp", "1716477000"));

        Assert.Equal(VerificationResult.Verified, new HmacWebhookVerifier(profile, [Secret], ManualClock.AtUnixSeconds(Now)).Verify(headers, Body));
        Assert.Equal(VerificationResult.TimestampOutsideTolerance,
            new HmacWebhookVerifier(profile, [Secret], ManualClock.AtUnixSeconds(Now + 301)).Verify(headers, Body));
    }

    [Fact]
    public void Verifies_a_base64_signature_of_the_body()
    {
        var signature = Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Body));
        var profile = new HmacProfile("gl-signature") { Encoding = SignatureEncoding.Base64 };

        Assert.Equal(VerificationResult.Verified, new HmacWebhookVerifier(profile, [Secret]).Verify(Headers(("gl-signature", signature)), Body));
        Assert.Equal(VerificationResult.SignatureMismatch, new HmacWebhookVerifier(profile, ["another-secret-value"]).Verify(Headers(("gl-signature", signature)), Body));
    }

    [Theory]
    [InlineData(SignedContent.TimestampBody, "1716477000.")]
    [InlineData(SignedContent.IdTimestampBody, "evt_1.1716477000.")]
    public void Signed_content_can_lead_with_the_timestamp_and_the_id(SignedContent content, string lead)
    {
        var profile = new HmacProfile("X-Sig") { SignedContent = content, TimestampHeader = "X-Ts", IdHeader = "X-Id" };
        var headers = Headers(("X-Sig", Hex(Secret, lead + Encoding.UTF8.GetString(Body))), ("X-Ts", "1716477000"), ("X-Id", "evt_1"));

        Assert.Equal(VerificationResult.Verified, new HmacWebhookVerifier(profile, [Secret], ManualClock.AtUnixSeconds(Now)).Verify(headers, Body));
    }

    [Fact]
    public void During_a_rotation_the_previous_header_lets_the_old_secret_verify()
    {
        var profile = new HmacProfile("X-Sig");
        var headers = Headers(("X-Sig", Hex("the-new-secret-value", Encoding.UTF8.GetString(Body))),
            ("X-Sig-Previous", Hex(Secret, Encoding.UTF8.GetString(Body))));

        Assert.Equal(VerificationResult.Verified, new HmacWebhookVerifier(profile, [Secret]).Verify(headers, Body));
        Assert.Equal(VerificationResult.Verified, new HmacWebhookVerifier(profile, ["the-new-secret-value"]).Verify(headers, Body));
        Assert.Equal(VerificationResult.SignatureMismatch, new HmacWebhookVerifier(profile, ["a-third-secret-value"]).Verify(headers, Body));
    }

    [Fact]
    public void Names_what_is_missing()
    {
        var profile = new HmacProfile("X-Sig") { SignedContent = SignedContent.IdTimestampBody, TimestampHeader = "X-Ts" };
        var verifier = new HmacWebhookVerifier(profile, [Secret], ManualClock.AtUnixSeconds(Now));

        Assert.Equal(VerificationResult.MissingHeader, verifier.Verify(Headers(("X-Ts", "1716477000")), Body));
        Assert.Equal(VerificationResult.MissingHeader, verifier.Verify(Headers(("X-Sig", "00")), Body));
        Assert.Equal(VerificationResult.MissingHeader, verifier.Verify(Headers(("X-Sig", "00"), ("X-Ts", "1716477000")), Body));
        Assert.Equal(VerificationResult.InvalidTimestamp, verifier.Verify(Headers(("X-Sig", "00"), ("X-Ts", "soon")), Body));
    }

    [Fact]
    public void A_profile_that_signs_a_timestamp_needs_a_timestamp_header() =>
        Assert.Throws<ArgumentException>(() => new HmacWebhookVerifier(new HmacProfile("X-Sig") { SignedContent = SignedContent.TimestampBody }, [Secret]));
}
