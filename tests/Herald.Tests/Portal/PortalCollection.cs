namespace Herald.Tests.Portal;

/// <summary>The browser tests share one Herald and run one at a time (each drives a chromium of its own).</summary>
[CollectionDefinition(Name)]
public sealed class PortalCollection : ICollectionFixture<PortalApiFixture>
{
    public const string Name = "portal";
}
