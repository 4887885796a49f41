using System.Text;
using Herald.Tests.Infrastructure;
using Herald.Verification;
using static Herald.Tests.Infrastructure.StandardWebhooksVector;

namespace Herald.Tests.Verification;

public sealed class StandardWebhookVerifierTests
{
    private static StandardWebhookVerifier Verifier(long now, params string[] secrets) =>
        new(secrets.Length == 0 ? [Secret] : secrets, ManualClock.AtUnixSeconds(now));

    [Fact]
    public void Verifies_the_public_standard_webhooks_test_vector() =>
        Assert.Equal(VerificationResult.Verified, Verifier(Timestamp).Verify(Id, "1614265330", Signature, Body));

    [Fact]
    public void Computes_the_public_test_vector() =>
        Assert.Equal(Signature, WebhookSignature.Standard(WebhookSignature.StandardKey(Secret), Id, Timestamp, Body));

    [Theory]
    [InlineData(300, VerificationResult.Verified)]
    [InlineData(-300, VerificationResult.Verified)]
    [InlineData(301, VerificationResult.TimestampOutsideTolerance)]
    [InlineData(-301, VerificationResult.TimestampOutsideTolerance)]
    public void Accepts_timestamps_within_five_minutes_either_way(long clockOffset, VerificationResult expected) =>
        Assert.Equal(expected, Verifier(Timestamp + clockOffset).Verify(Id, "1614265330", Signature, Body));

    [Fact]
    public void Refuses_an_altered_body_id_or_timestamp()
    {
        var verifier = Verifier(Timestamp);
        Assert.Equal(VerificationResult.SignatureMismatch, verifier.Verify(Id, "1614265330", Signature, Encoding.UTF8.GetBytes("{\"test\": 2432232315}")));
        Assert.Equal(VerificationResult.SignatureMismatch, verifier.Verify("msg_other", "1614265330", Signature, Body));
        Assert.Equal(VerificationResult.SignatureMismatch, verifier.Verify(Id, "1614265331", Signature, Body));
    }

    [Fact]
    public void Refuses_another_secret() =>
        Assert.Equal(VerificationResult.SignatureMismatch,
            Verifier(Timestamp, "whsec_" + Convert.ToBase64String(new byte[32])).Verify(Id, "1614265330", Signature, Body));

    [Fact]
    public void During_a_rotation_either_secret_verifies_a_header_carrying_both_signatures()
    {
        var newSecret = "whsec_" + Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());
        var both = WebhookSignature.Standard(WebhookSignature.StandardKey(newSecret), Id, Timestamp, Body) + " " + Signature;

        Assert.Equal(VerificationResult.Verified, Verifier(Timestamp, Secret).Verify(Id, "1614265330", both, Body));
        Assert.Equal(VerificationResult.Verified, Verifier(Timestamp, newSecret).Verify(Id, "1614265330", both, Body));
        Assert.Equal(VerificationResult.Verified, Verifier(Timestamp, "whsec_" + Convert.ToBase64String(new byte[32]), newSecret)
            .Verify(Id, "1614265330", Signature.Replace("g0h", "AAA") + " " + both, Body));
    }

    [Fact]
    public void Skips_other_signature_versions_and_malformed_entries() =>
        Assert.Equal(VerificationResult.Verified,
            Verifier(Timestamp).Verify(Id, "1614265330", "v1a,abc v2,xyz v1,!!notbase64 " + Signature, Body));

    [Fact]
    public void Names_missing_headers_and_bad_timestamps()
    {
        var verifier = Verifier(Timestamp);
        Assert.Equal(VerificationResult.MissingHeader, verifier.Verify(null, "1614265330", Signature, Body));
        Assert.Equal(VerificationResult.MissingHeader, verifier.Verify(Id, null, Signature, Body));
        Assert.Equal(VerificationResult.MissingHeader, verifier.Verify(Id, "1614265330", "", Body));
        Assert.Equal(VerificationResult.InvalidTimestamp, verifier.Verify(Id, "16142653.30", Signature, Body));
    }

    [Fact]
    public void Reads_the_three_headers_through_a_lookup()
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["Webhook-Id"] = Id, ["Webhook-Timestamp"] = "1614265330", ["Webhook-Signature"] = Signature,
        };
        Assert.Equal(VerificationResult.Verified, Verifier(Timestamp).Verify(name => headers.GetValueOrDefault(name), Body));
    }

    [Fact]
    public void Needs_at_least_one_secret() =>
        Assert.Throws<ArgumentException>(() => new StandardWebhookVerifier([]));
}
