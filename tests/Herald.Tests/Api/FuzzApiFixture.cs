namespace Herald.Tests.Api;

/// <summary>Herald for the fuzz test: a rate limit far above what it sends, so every request reaches the handlers.</summary>
public sealed class FuzzApiFixture() : ApiFixture(new Dictionary<string, string> { ["Herald:RateLimit:PermitLimit"] = "1000000" });
