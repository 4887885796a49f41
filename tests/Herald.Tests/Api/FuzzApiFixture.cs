namespace Herald.Tests.Api;

/// <summary>
/// Herald for the fuzz test: rate limits far above what it sends (requests per key, and failed authentications, which its
/// broken Authorization headers make many of), so every request reaches authentication and the handlers.
/// </summary>
public sealed class FuzzApiFixture() : ApiFixture(new Dictionary<string, string>
{
    ["Herald:RateLimit:PermitLimit"] = "1000000",
    ["Herald:RateLimit:FailedAuthLimit"] = "1000000",
});
