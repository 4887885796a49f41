using System.Net.Http.Json;

namespace Herald.Tests.Api;

/// <summary>
/// Everything an account's resources show, read with the admin key and straight from the tables, as one string:
/// two equal snapshots mean nothing about the account changed in between.
/// </summary>
public static class TenantState
{
    public static async Task<string> SnapshotAsync(ApiFixture fixture, string accountId, IReadOnlyList<string> webhookIds, IReadOnlyList<string> eventIds)
    {
        var admin = fixture.Client(ApiFixture.AdminKey);
        var parts = new List<string>
        {
            await admin.GetStringAsync($"/v1/accounts/{accountId}"),
            await admin.GetStringAsync($"/v1/webhooks?account_id={accountId}&limit=250"),
        };
        foreach (var id in webhookIds)
        {
            parts.Add(await admin.GetStringAsync($"/v1/webhooks/{id}"));
            parts.Add(await admin.GetStringAsync($"/v1/webhooks/{id}/deliveries?limit=250"));
        }
        foreach (var id in eventIds)
        {
            parts.Add(await admin.GetStringAsync($"/v1/events/{id}?account_id={accountId}"));
        }
        foreach (var table in new[] { "herald_events", "herald_deliveries", "herald_api_keys", "herald_portal_sessions" })
        {
            parts.Add($"{table}: " + await fixture.Database.ScalarAsync<long>($"select count(*) from {table} where account_id = @account", ("account", accountId)));
        }
        parts.Add("keys: " + await fixture.Database.ScalarAsync<string>(
            "select coalesce(string_agg(encode(key_hash, 'hex') || coalesce(expires_at::text, ''), ',' order by key_hash), '') from herald_api_keys where account_id = @account",
            ("account", accountId)));
        return string.Join("\n", parts);
    }

    /// <summary>Rows of the deployment-wide tables and of grain state: what a write to any account or the catalog would grow.</summary>
    public static async Task<string> GlobalCountsAsync(ApiFixture fixture)
    {
        var counts = new List<string>();
        foreach (var table in new[] { "herald_events", "herald_deliveries", "herald_attempts", "herald_api_keys", "herald_portal_sessions", "herald_event_types", "orleansstorage" })
        {
            counts.Add($"{table}: " + await fixture.Database.ScalarAsync<long>($"select count(*) from {table}"));
        }
        return string.Join(", ", counts);
    }

    public static async Task<string> CreateWebhookAsync(HttpClient client, string url, string? accountId = null)
    {
        var response = await client.PostAsJsonAsync("/v1/webhooks", new { url, events = new[] { "*" }, account_id = accountId });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetString()!;
    }
}
