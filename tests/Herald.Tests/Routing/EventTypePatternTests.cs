using Herald.Grains.Routing;

namespace Herald.Tests.Routing;

public sealed class EventTypePatternTests
{
    [Theory]
    [InlineData("server.created", "server.created", true)]
    [InlineData("server.created", "server.deleted", false)]
    [InlineData("server.*", "server.created", true)]
    [InlineData("server.*", "server.backup.completed", true)]
    [InlineData("server.*", "server", false)]
    [InlineData("server.*", "serverless.created", false)]
    [InlineData("*", "invoice_payment", true)]
    [InlineData("billing.payment.*", "billing.payment.failed", true)]
    [InlineData("billing.payment.*", "billing.subscription.cancelled", false)]
    public void Pattern_matches_exact_types_prefixes_and_everything(string pattern, string type, bool expected) =>
        Assert.Equal(expected, EventTypePattern.Matches(pattern, type));

    [Theory]
    [InlineData("server.created", true)]
    [InlineData("server.*", true)]
    [InlineData("*", true)]
    [InlineData("invoice_payment", true)]
    [InlineData("server.*.created", false)]
    [InlineData("*.created", false)]
    [InlineData("server..created", false)]
    [InlineData("", false)]
    [InlineData("server created", false)]
    public void Only_well_formed_patterns_are_valid(string pattern, bool expected) =>
        Assert.Equal(expected, EventTypePattern.IsValid(pattern));
}
