namespace Herald.Tests.Api.Patch;

/// <summary>One Herald (API co-hosting a silo) shared by the tests of <c>PATCH /v1/webhooks/{id}</c>; each test uses accounts of its own.</summary>
[CollectionDefinition(Name)]
public sealed class WebhookPatchCollection : ICollectionFixture<ApiFixture>
{
    public const string Name = "webhook-patch";
}
