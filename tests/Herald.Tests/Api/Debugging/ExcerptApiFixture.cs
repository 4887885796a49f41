namespace Herald.Tests.Api.Debugging;

/// <summary>Herald keeping 100 bytes of each answer in the attempt log.</summary>
public sealed class ExcerptApiFixture() : ApiFixture(new Dictionary<string, string> { ["Herald:Delivery:ResponseExcerptBytes"] = "100" });
