namespace Herald.Tests.Api;

/// <summary>Herald that allows an account 3 webhooks in all.</summary>
public sealed class AccountLimitApiFixture() : ApiFixture(new Dictionary<string, string> { ["Herald:Limits:MaxWebhooksPerAccount"] = "3" });
