namespace Herald.Tests.Api.Faults;

/// <summary>Herald that holds at most 2 publishes waiting for PostgreSQL.</summary>
public sealed class OverloadApiFixture() : ApiFixture(new Dictionary<string, string> { ["Herald:Storage:MaxQueuedPublishes"] = "2" });
