namespace Herald.Tests.Infrastructure;

/// <summary>What the SSRF guard lets test silos reach: the receivers on 127.0.0.1 and no other address.</summary>
public static class TestNetworks
{
    public const string Receivers = "127.0.0.1/32";
}
