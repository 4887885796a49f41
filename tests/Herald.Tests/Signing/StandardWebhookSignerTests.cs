using System.Text;
using Herald.Abstractions.Signatures;
using Herald.Grains.Signing;
using Herald.Verification;

namespace Herald.Tests.Signing;

public sealed class StandardWebhookSignerTests
{
    [Fact]
    public void Signs_the_public_standard_webhooks_test_vector()
    {
        var key = WebhookSecret.TryDecodeKey("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")!;
        var signature = WebhookSignature.Standard(key, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, Encoding.UTF8.GetBytes("{\"test\": 2432232314}"));
        Assert.Equal("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", signature);
    }

    [Theory]
    [InlineData("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", true)]
    [InlineData("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", false)]
    [InlineData("whsec_c2hvcnQ=", false)]
    [InlineData("whsec_not base64!", false)]
    public void Accepts_only_whsec_secrets_of_24_to_64_bytes(string secret, bool valid) =>
        Assert.Equal(valid, WebhookSecret.TryDecodeKey(secret) is not null);

    [Theory]
    [InlineData("your-webhook-secret", true)]
    [InlineData("sixteen-chars-ok", true)]
    [InlineData("fifteen-chars-x", false)]
    [InlineData(" leading-space-secret", false)]
    [InlineData("line\nbreak-in-the-secret", false)]
    [InlineData("pässwörd-with-ümlauts", true)]
    public void Custom_profile_secrets_have_16_to_256_printable_characters(string secret, bool valid) =>
        Assert.Equal(valid, WebhookSecret.IsValid(SignatureScheme.HmacSha256, secret));

    [Fact]
    public void Generated_custom_secrets_are_43_url_safe_characters()
    {
        var secret = WebhookSecret.Generate(SignatureScheme.HmacSha256);
        Assert.Equal(43, secret.Length);
        Assert.All(secret, c => Assert.True(char.IsAsciiLetterOrDigit(c) || c is '-' or '_'));
        Assert.True(WebhookSecret.IsValid(SignatureScheme.HmacSha256, secret));
    }

    [Fact]
    public void Generated_secrets_are_valid_and_distinct()
    {
        var a = WebhookSecret.Generate();
        var b = WebhookSecret.Generate();
        Assert.NotNull(WebhookSecret.TryDecodeKey(a));
        Assert.NotEqual(a, b);
    }
}
