using System.Net.Http.Json;
using System.Text.Json;
using Herald.Api.Auth;
using Herald.Tests.Api;
using Herald.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Herald.Tests.Portal;

/// <summary>
/// Herald on a real socket of 127.0.0.1 serving the portal from src/Portal/dist (scripts/portal.sh builds it;
/// scripts/test.sh runs that first), for a browser to open. Its access control (portal session expiry) reads
/// <see cref="Clock"/>, which a test advances by hand; the silo keeps the system clock.
/// </summary>
public sealed class PortalApiFixture() : ApiFixture(new Dictionary<string, string>
{
    ["Herald:Portal:Root"] = Dist,
})
{
    public static string Dist { get; } = Path.Combine(RepositoryRoot.Find(), "src", "Portal", "dist");

    public ManualClock Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override bool OverSockets => true;

    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddKeyedSingleton<TimeProvider>(AccessClock.Key, Clock);

    public string BaseUrl => $"http://127.0.0.1:{Port}";

    /// <summary>Mints a portal session (<c>hpt_…</c>) for the account with the admin key, as a platform's back end does.</summary>
    public async Task<string> PortalTokenAsync(string accountId, bool readOnly = false, string expiresIn = "1h")
    {
        using var admin = Client(AdminKey);
        var answer = await admin.PostAsJsonAsync($"/v1/accounts/{accountId}/portal-sessions", new { expires_in = expiresIn, read_only = readOnly });
        answer.EnsureSuccessStatusCode();
        var token = (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
        Assert.StartsWith("hpt_", token);
        return token;
    }
}
