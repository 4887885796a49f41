namespace Herald.Tests.Infrastructure;

[CollectionDefinition(Name)]
public sealed class SmtpCollection : ICollectionFixture<SmtpClusterFixture>
{
    public const string Name = "smtp";
}
