using Herald.Tests.Api;

namespace Herald.Tests.Signatures;

/// <summary>One Herald (API co-hosting a silo) shared by the signature, rotation, payload and sample tests; each test uses accounts of its own.</summary>
[CollectionDefinition(Name)]
public sealed class SignaturesApiCollection : ICollectionFixture<ApiFixture>
{
    public const string Name = "signatures-api";
}
