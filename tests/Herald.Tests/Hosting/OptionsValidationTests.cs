using Herald.Tests.Api;

namespace Herald.Tests.Hosting;

/// <summary>A setting no part of Herald could work with stops the host as it starts, with a message naming the key.</summary>
public sealed class OptionsValidationTests
{
    // Nothing connects before the settings are checked.
    private const string UnusedDatabase = "Host=127.0.0.1;Port=1;Username=herald;Password=herald;Database=none";

    [Theory]
    [InlineData("Herald:AdminKey", "short")]
    [InlineData("Herald:MaxRequestBytes", "0")]
    [InlineData("Herald:MaxPayloadBytes", "999999999")]
    [InlineData("Herald:KeyCacheTtl", "-00:00:01")]
    [InlineData("Herald:KeyCacheTtl", "00:00:06")]
    [InlineData("Herald:UnknownKeyTtl", "-00:00:01")]
    [InlineData("Herald:UnavailableRetryAfter", "00:00:00")]
    [InlineData("Herald:Retention:Period", "00:00:00")]
    [InlineData("Herald:Retention:Interval", "00:00:00")]
    [InlineData("Herald:Recovery:SweepPeriod", "00:00:00")]
    [InlineData("Herald:Recovery:Grace", "-00:00:01")]
    [InlineData("Herald:Shutdown:DrainTimeout", "-00:00:01")]
    [InlineData("Herald:Catalog:RefreshInterval", "-00:00:01")]
    [InlineData("Herald:Metrics:BacklogRefresh", "00:00:00")]
    [InlineData("Herald:Memory:IdleTrim:CheckInterval", "00:00:00")]
    [InlineData("Herald:Memory:IdleTrim:QuietAllocationBytesPerSecond", "-1")]
    [InlineData("Herald:Delivery:DefaultTimeoutSeconds", "0")]
    [InlineData("Herald:Delivery:MaxRetryAfter", "00:00:00")]
    [InlineData("Herald:Delivery:WakeReminderPeriod", "00:00:00")]
    [InlineData("Herald:Delivery:UserAgent", "")]
    [InlineData("Herald:Delivery:ResponseExcerptBytes", "-1")]
    [InlineData("Herald:Delivery:ResponseExcerptBytes", "65537")]
    [InlineData("Herald:Delivery:AllowedNetworks", "intranet")]
    [InlineData("Herald:Limits:MaxWebhooksPerAccount", "0")]
    [InlineData("Herald:RateLimit:FailedAuthLimit", "0")]
    [InlineData("Herald:Server:RequestHeadersTimeout", "00:00:00")]
    [InlineData("Herald:Server:MaxConcurrentConnections", "0")]
    [InlineData("Herald:Orleans:SiloPort", "0")]
    [InlineData("Herald:Dashboard:CounterIntervalSeconds", "0")]
    public void A_setting_out_of_range_stops_the_start_naming_its_key(string key, string value)
    {
        using var factory = ApiFixture.Factory(UnusedDatabase, new Dictionary<string, string> { [key] = value });

        var exception = Assert.ThrowsAny<Exception>(() => factory.Server);

        Assert.Contains(key, exception.ToString());
    }
}
