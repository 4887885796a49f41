using Herald.Client.Models;

namespace Herald.Tests.Clients;

/// <summary>The client's models print their fields but never a credential (pure logic).</summary>
public sealed class ModelPrintTests
{
    [Fact]
    public void Keys_secrets_tokens_and_custom_headers_print_masked_and_other_fields_as_they_are()
    {
        var models = new object[]
        {
            new Account { Id = "acct_1", Name = "LightYear", ApiKey = "hk_secret_value" },
            new KeyRotation { ApiKey = "hk_secret_value" },
            new AccountKey { Id = "key_1", Name = "ci", Scopes = ["publish"], ApiKey = "hk_secret_value" },
            new PortalSession { Id = "ps_1", Token = "hpt_secret_value", Url = "http://127.0.0.1/portal#token=hpt_secret_value" },
            new SecretRotation { Secret = "whsec_secret_value" },
            new Webhook { Id = "wh_1", Url = "http://127.0.0.1/hook", Secret = "whsec_secret_value", Headers = new Dictionary<string, string> { ["Authorization"] = "Bearer secret_value" } },
            new CreateWebhookRequest("http://127.0.0.1/hook", ["a.b"]) { Secret = "whsec_secret_value", Headers = new Dictionary<string, string> { ["X-Token"] = "secret_value" } },
        };

        foreach (var model in models)
        {
            var text = model.ToString()!;
            Assert.DoesNotContain("secret_value", text);
            Assert.Contains("***", text);
            Assert.StartsWith(model.GetType().Name + " { ", text);
        }
        Assert.Contains("Id = acct_1, Name = LightYear", models[0].ToString());
        Assert.Contains("Scopes = [publish]", models[2].ToString());
        Assert.Contains("Url = http://127.0.0.1/hook", models[6].ToString());
        Assert.Contains("Events = [a.b]", models[6].ToString());
        Assert.DoesNotContain("***", new Account { Id = "acct_2" }.ToString()); // no key: nothing to mask
    }
}
