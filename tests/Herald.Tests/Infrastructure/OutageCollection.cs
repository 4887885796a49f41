namespace Herald.Tests.Infrastructure;

[CollectionDefinition(Name)]
public sealed class OutageCollection : ICollectionFixture<OutageClusterFixture>
{
    public const string Name = "outage";
}
