using Orleans.TestingHost;

namespace Herald.Tests.Infrastructure;

/// <summary>
/// A TestingHost cluster whose silo emails disable notices through a <see cref="FakeSmtpServer"/> of its own (plain
/// text, with a user name and password, retries 200 ms apart): a collection of its own, as the SMTP settings differ.
/// </summary>
public sealed class SmtpClusterFixture : IClusterFixture, IAsyncLifetime
{
    public const string From = "herald@example.com";
    public const string UserName = "herald-smtp";
    public const string Password = "smtp-test-password";

    public TestCluster Cluster { get; private set; } = null!;
    public TestDatabase Database { get; private set; } = null!;
    public FakeSmtpServer Smtp { get; } = FakeSmtpServer.Start();

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync();
        var builder = new TestClusterBuilder(1);
        builder.Properties[TestSiloConfigurator.ConnectionStringKey] = Database.ConnectionString;
        builder.Properties["Herald:Orleans:MinimumReminderPeriod"] = "00:00:01";
        builder.Properties["Herald:Smtp:Host"] = "127.0.0.1";
        builder.Properties["Herald:Smtp:Port"] = Smtp.Port.ToString();
        builder.Properties["Herald:Smtp:TlsMode"] = "None";
        builder.Properties["Herald:Smtp:From"] = From;
        builder.Properties["Herald:Smtp:UserName"] = UserName;
        builder.Properties["Herald:Smtp:Password"] = Password;
        builder.Properties["Herald:Smtp:RetryDelay"] = "00:00:00.200";
        builder.AddSiloBuilderConfigurator<TestSiloConfigurator>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
        await Database.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}
