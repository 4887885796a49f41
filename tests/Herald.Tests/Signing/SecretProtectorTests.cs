using System.Security.Cryptography;
using System.Text;
using Herald.Grains.Hosting;
using Herald.Grains.Secrets;
using Herald.Tests.Infrastructure;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Herald.Tests.Signing;

public sealed class SecretProtectorTests
{
    private static SecretProtector Protector(string key) => new(Options.Create(new SecretsOptions { MasterKey = key }));

    [Fact]
    public void A_sealed_secret_opens_for_its_endpoint_and_holds_no_plain_text()
    {
        const string secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        var protector = Protector(TestSecrets.MasterKey);

        var sealedSecret = protector.Seal("wh_a", secret);

        Assert.Equal(secret, protector.Open("wh_a", sealedSecret));
        Assert.Equal(-1, sealedSecret.AsSpan().IndexOf(Encoding.UTF8.GetBytes(secret)));
        Assert.NotEqual(sealedSecret, protector.Seal("wh_a", secret));
    }

    [Fact]
    public void A_sealed_secret_does_not_open_for_another_endpoint_under_another_key_or_once_altered()
    {
        var protector = Protector(TestSecrets.MasterKey);
        var sealedSecret = protector.Seal("wh_a", "a-custom-secret-value");

        Assert.ThrowsAny<CryptographicException>(() => protector.Open("wh_b", sealedSecret));
        Assert.ThrowsAny<CryptographicException>(() => Protector(Convert.ToBase64String(new byte[32])).Open("wh_a", sealedSecret));
        sealedSecret[^1] ^= 1;
        Assert.ThrowsAny<CryptographicException>(() => protector.Open("wh_a", sealedSecret));
    }

    [Theory]
    [InlineData("", "is not set")]
    [InlineData("not base64!", "exactly 32")]
    [InlineData("c2hvcnQ=", "exactly 32")]
    public void A_missing_or_malformed_master_key_is_refused_with_how_to_make_one(string key, string message)
    {
        var result = new SecretsOptionsValidator().Validate(null, new SecretsOptions { MasterKey = key });

        Assert.True(result.Failed);
        Assert.Contains(message, result.FailureMessage);
        Assert.Contains("openssl rand -base64 32", result.FailureMessage);
    }

    [Fact]
    public async Task A_host_without_a_master_key_refuses_to_start()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddHeraldSecrets();
        using var host = builder.Build();

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Herald:Secrets:MasterKey is not set", failure.Message);
    }

    [Fact]
    public void A_base64_key_of_32_bytes_is_accepted() =>
        Assert.True(new SecretsOptionsValidator().Validate(null, new SecretsOptions { MasterKey = TestSecrets.MasterKey }).Succeeded);
}
