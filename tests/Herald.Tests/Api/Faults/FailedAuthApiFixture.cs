namespace Herald.Tests.Api.Faults;

/// <summary>Herald that allows 3 failed authentications per client address per minute, and remembers valid keys for the longest it may (5 s).</summary>
public sealed class FailedAuthApiFixture() : ApiFixture(new Dictionary<string, string>
{
    ["Herald:RateLimit:FailedAuthLimit"] = "3",
    ["Herald:RateLimit:FailedAuthWindow"] = "00:01:00",
    ["Herald:KeyCacheTtl"] = "00:00:05",
});
