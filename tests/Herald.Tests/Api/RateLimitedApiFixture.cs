namespace Herald.Tests.Api;

/// <summary>Herald with a rate limit low enough to reach: 3 requests per key per minute.</summary>
public sealed class RateLimitedApiFixture() : ApiFixture(new Dictionary<string, string>
{
    ["Herald:RateLimit:PermitLimit"] = "3",
    ["Herald:RateLimit:Window"] = "00:01:00",
});
