namespace Herald.Tests.Api.Faults;

/// <summary>Herald that allows 3 failed authentications per client address per minute, and remembers valid keys for an hour.</summary>
public sealed class FailedAuthApiFixture() : ApiFixture(new Dictionary<string, string>
{
    ["Herald:RateLimit:FailedAuthLimit"] = "3",
    ["Herald:RateLimit:FailedAuthWindow"] = "00:01:00",
    ["Herald:KeyCacheTtl"] = "01:00:00",
});
