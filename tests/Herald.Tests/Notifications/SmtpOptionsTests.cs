using Herald.Grains.Hosting;
using Herald.Grains.Notifications;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Herald.Tests.Notifications;

public sealed class SmtpOptionsTests
{
    [Fact]
    public void Without_a_host_email_is_off_and_nothing_else_is_checked()
    {
        var options = Bind(new() { ["Herald:Smtp:From"] = "not an address", ["Herald:Smtp:MaxAttempts"] = "0" });

        Assert.False(options.IsConfigured);
    }

    [Fact]
    public void A_host_with_a_sender_and_defaults_is_accepted()
    {
        var options = Bind(new() { ["Herald:Smtp:Host"] = "smtp.example.com", ["Herald:Smtp:From"] = "herald@example.com" });

        Assert.True(options.IsConfigured);
        Assert.Equal((SmtpTlsMode.StartTls, 587), (options.TlsMode, options.EffectivePort));
    }

    [Theory]
    [InlineData("ImplicitTls", 465)]
    [InlineData("None", 25)]
    public void The_port_defaults_to_the_tls_modes_usual_one(string mode, int port)
    {
        var options = Bind(new() { ["Herald:Smtp:Host"] = "smtp.example.com", ["Herald:Smtp:From"] = "herald@example.com", ["Herald:Smtp:TlsMode"] = mode });

        Assert.Equal(port, options.EffectivePort);
    }

    [Fact]
    public void A_host_without_a_usable_setting_stops_the_start_naming_each_key()
    {
        var failure = Assert.Throws<OptionsValidationException>(() => Bind(new()
        {
            ["Herald:Smtp:Host"] = "smtp.example.com",
            ["Herald:Smtp:From"] = "Herald <herald@example.com>",
            ["Herald:Smtp:UserName"] = "herald",
            ["Herald:Smtp:Port"] = "70000",
            ["Herald:Smtp:Timeout"] = "00:00:00",
        }));

        Assert.Contains(failure.Failures, f => f.StartsWith("Herald:Smtp:From must be the sender's email address", StringComparison.Ordinal));
        Assert.Contains(failure.Failures, f => f.StartsWith("Herald:Smtp:UserName and Herald:Smtp:Password go together", StringComparison.Ordinal));
        Assert.Contains(failure.Failures, f => f.StartsWith("Herald:Smtp:Port", StringComparison.Ordinal));
        Assert.Contains(failure.Failures, f => f.StartsWith("Herald:Smtp:Timeout", StringComparison.Ordinal));
        Assert.DoesNotContain(failure.Failures, f => f.Contains("MaxAttempts", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("ops@example.com", true)]
    [InlineData("first.last+webhooks@mail.example.co.uk", true)]
    [InlineData("o'brien@xn--bcher-kva.example", true)]
    [InlineData("", false)]
    [InlineData("ops", false)]
    [InlineData("ops@localhost", false)]
    [InlineData("ops@@example.com", false)]
    [InlineData("Ops <ops@example.com>", false)]
    [InlineData("ops@example.com, dev@example.com", false)]
    [InlineData("ops @example.com", false)]
    [InlineData(".ops@example.com", false)]
    [InlineData("ops@-example.com", false)]
    [InlineData("ops@example.com\n", false)]
    [InlineData("ops@exämple.com", false)]
    public void Email_addresses_are_bare_ascii_addresses_on_a_dotted_domain(string address, bool valid)
    {
        Assert.Equal(valid, EmailAddress.IsValid(address));
    }

    private static SmtpOptions Bind(Dictionary<string, string?> settings)
    {
        using var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .AddHeraldNotifications()
            .BuildServiceProvider();
        return services.GetRequiredService<IOptions<SmtpOptions>>().Value;
    }
}
