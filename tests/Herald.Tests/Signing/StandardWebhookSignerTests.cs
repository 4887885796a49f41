using System.Text;
using Herald.Grains.Signing;

namespace Herald.Tests.Signing;

public sealed class StandardWebhookSignerTests
{
    [Fact]
    public void Signs_the_public_standard_webhooks_test_vector()
    {
        var key = WebhookSecret.TryDecodeKey("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")!;
        var signature = StandardWebhookSigner.Sign(key, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, Encoding.UTF8.GetBytes("{\"test\": 2432232314}"));
        Assert.Equal("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", signature);
    }

    [Theory]
    [InlineData("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", true)]
    [InlineData("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", false)]
    [InlineData("whsec_c2hvcnQ=", false)]
    [InlineData("whsec_not base64!", false)]
    public void Accepts_only_whsec_secrets_of_24_to_64_bytes(string secret, bool valid) =>
        Assert.Equal(valid, WebhookSecret.TryDecodeKey(secret) is not null);

    [Fact]
    public void Generated_secrets_are_valid_and_distinct()
    {
        var a = WebhookSecret.Generate();
        var b = WebhookSecret.Generate();
        Assert.NotNull(WebhookSecret.TryDecodeKey(a));
        Assert.NotEqual(a, b);
    }
}
