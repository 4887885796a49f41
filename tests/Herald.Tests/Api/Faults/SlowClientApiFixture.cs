namespace Herald.Tests.Api.Faults;

/// <summary>
/// Herald on a real socket with short limits for slow clients (2 s to send headers, 2 s of grace before the minimum body
/// rate applies) and at most 3 connections per client address.
/// </summary>
public sealed class SlowClientApiFixture() : ApiFixture(new Dictionary<string, string>
{
    ["Herald:Server:RequestHeadersTimeout"] = "00:00:02",
    ["Herald:Server:MinDataRateGracePeriod"] = "00:00:02",
    ["Herald:Server:MaxConnectionsPerClient"] = "3",
})
{
    protected override bool OverSockets => true;
}
