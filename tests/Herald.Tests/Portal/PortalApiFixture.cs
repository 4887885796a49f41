using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Herald.Tests.Api;

namespace Herald.Tests.Portal;

/// <summary>
/// Herald on a real socket of 127.0.0.1 serving the portal from src/Portal/dist (scripts/portal.sh builds it;
/// scripts/test.sh runs that first), for a browser to open.
/// </summary>
public sealed class PortalApiFixture() : ApiFixture(new Dictionary<string, string>
{
    ["Herald:Portal:Root"] = Dist,
})
{
    public static string Dist { get; } = Path.Combine(RepositoryRoot.Find(), "src", "Portal", "dist");

    protected override bool OverSockets => true;

    public string BaseUrl => $"http://127.0.0.1:{Port}";

    /// <summary>
    /// A portal token for the account: a portal session (<c>hpt_…</c>) where Herald has them, otherwise the account's
    /// own key, which the portal accepts the same way.
    /// </summary>
    public async Task<string> PortalTokenAsync(string accountId, string accountKey)
    {
        var answer = await Client(AdminKey).PostAsJsonAsync($"/v1/accounts/{accountId}/portal-sessions", new { expires_in = "1h" });
        if (answer.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed)
        {
            return accountKey;
        }
        answer.EnsureSuccessStatusCode();
        return (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
    }
}
