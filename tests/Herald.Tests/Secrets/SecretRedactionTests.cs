using Herald.Abstractions.Accounts;
using Herald.Abstractions.Webhooks;
using Herald.Tests.Infrastructure;

namespace Herald.Tests.Secrets;

public sealed class SecretRedactionTests
{
    private const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    [Fact]
    public void Wire_types_that_carry_a_secret_print_it_masked()
    {
        var spec = TestWebhooks.Spec("http://127.0.0.1:9/hook", ["*"]) with { Secret = Secret };
        var view = new WebhookView("wh_1", "acct_1", "http://127.0.0.1:9/hook", ["*"], null, null, spec.Retry!, 5,
            new Dictionary<string, string>(), WebhookStatus.Active, null, DateTimeOffset.UnixEpoch, DeliveryOrdering.Strict, 1, null, 0);

        var printed = new[] { spec.ToString(), new CreatedWebhook(view, Secret).ToString(), new RotatedSecret(Secret, DateTimeOffset.UnixEpoch).ToString() };

        Assert.All(printed, text =>
        {
            Assert.DoesNotContain("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", text);
            Assert.Contains("***", text);
        });
        Assert.Contains("http://127.0.0.1:9/hook", printed[0]);
    }

    [Fact]
    public void Wire_types_that_carry_an_api_key_print_it_masked()
    {
        const string key = "hk_5Tq0W9yJx3c2kVbN8mR1pLzA7sD4fG6h";
        var account = new AccountView("acct_1", "LightYear", DateTimeOffset.UnixEpoch, AccountSettings.Default);

        var printed = new[] { new CreatedAccount(account, key).ToString(), new RotatedKey(key, DateTimeOffset.UnixEpoch).ToString() };

        Assert.All(printed, text =>
        {
            Assert.DoesNotContain("5Tq0W9yJx3c2kVbN8mR1pLzA7sD4fG6h", text);
            Assert.Contains("***", text);
        });
        Assert.Contains("acct_1", printed[0]);
    }
}
