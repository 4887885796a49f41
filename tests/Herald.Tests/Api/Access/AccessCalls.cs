using System.Net.Http.Json;
using System.Text.Json;

namespace Herald.Tests.Api.Access;

/// <summary>Scoped keys and portal sessions made through the REST API with the admin key.</summary>
public static class AccessCalls
{
    public static async Task<(string Id, string Key)> CreateKeyAsync(ApiFixture fixture, string accountId, string[] scopes, string? expiresIn = null)
    {
        var response = await fixture.Client(ApiFixture.AdminKey).PostAsJsonAsync($"/v1/accounts/{accountId}/keys",
            new { name = "test key", scopes, expires_in = expiresIn });
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.IsSuccessStatusCode, json.ToString());
        return (json.GetProperty("id").GetString()!, json.GetProperty("api_key").GetString()!);
    }

    public static async Task<(string Id, string Token)> CreatePortalAsync(
        ApiFixture fixture, string accountId, bool readOnly = false, string[]? sources = null, string? expiresIn = null)
    {
        var response = await fixture.Client(ApiFixture.AdminKey).PostAsJsonAsync($"/v1/accounts/{accountId}/portal-sessions",
            new { expires_in = expiresIn, read_only = readOnly, sources });
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.IsSuccessStatusCode, json.ToString());
        return (json.GetProperty("id").GetString()!, json.GetProperty("token").GetString()!);
    }

    public static async Task<JsonElement> MeAsync(ApiFixture fixture, string key) =>
        await fixture.Client(key).GetFromJsonAsync<JsonElement>("/v1/me");
}
