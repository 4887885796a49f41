namespace Herald.Tests.Api;

/// <summary>Herald with <c>Herald:Catalog:Strict</c> on.</summary>
public sealed class StrictCatalogApiFixture() : ApiFixture(new Dictionary<string, string> { ["Herald:Catalog:Strict"] = "true" });
