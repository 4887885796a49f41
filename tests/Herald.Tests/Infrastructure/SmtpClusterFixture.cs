namespace Herald.Tests.Infrastructure;

/// <summary>
/// A TestingHost cluster whose silo emails disable notices through a <see cref="FakeSmtpServer"/> of its own (plain
/// text, with a user name and password, retries 200 ms apart): a collection of its own, as the SMTP settings differ.
/// </summary>
public sealed class SmtpClusterFixture : ClusterFixture
{
    public const string From = "herald@example.com";
    public const string UserName = "herald-smtp";
    public const string Password = "smtp-test-password";

    public FakeSmtpServer Smtp { get; } = FakeSmtpServer.Start();

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
    }

    protected override void Configure(IDictionary<string, string?> settings)
    {
        settings["Herald:Smtp:Host"] = "127.0.0.1";
        settings["Herald:Smtp:Port"] = Smtp.Port.ToString();
        settings["Herald:Smtp:TlsMode"] = "None";
        settings["Herald:Smtp:From"] = From;
        settings["Herald:Smtp:UserName"] = UserName;
        settings["Herald:Smtp:Password"] = Password;
        settings["Herald:Smtp:RetryDelay"] = "00:00:00.200";
    }
}
