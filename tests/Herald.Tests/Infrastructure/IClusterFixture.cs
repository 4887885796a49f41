using Orleans.TestingHost;

namespace Herald.Tests.Infrastructure;

/// <summary>A TestingHost cluster on a database of its own, as the cluster fixtures provide it.</summary>
public interface IClusterFixture
{
    TestCluster Cluster { get; }
    TestDatabase Database { get; }
}
