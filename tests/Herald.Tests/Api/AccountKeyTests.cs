using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Herald.Tests.Api;

public sealed class AccountKeyTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Rotating_a_key_shows_the_new_one_once_and_the_old_one_lapses_at_once()
    {
        var (id, oldKey) = await fixture.CreateAccountAsync();

        var response = await fixture.Client(oldKey).PostAsync($"/v1/accounts/{id}/rotate-key", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rotated = await response.Content.ReadFromJsonAsync<JsonElement>();
        var newKey = rotated.GetProperty("api_key").GetString()!;
        Assert.StartsWith("hk_", newKey);
        Assert.Equal(JsonValueKind.Null, rotated.GetProperty("previous_expires_at").ValueKind);
        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.Client(oldKey).GetAsync($"/v1/accounts/{id}")).StatusCode);
        var account = await fixture.Client(newKey).GetStringAsync($"/v1/accounts/{id}");
        Assert.DoesNotContain("hk_", account);
    }

    [Fact]
    public async Task A_grace_period_keeps_the_old_key_working_until_it_ends()
    {
        var (id, oldKey) = await fixture.CreateAccountAsync();

        var response = await fixture.Client(ApiFixture.AdminKey).PostAsJsonAsync($"/v1/accounts/{id}/rotate-key", new { grace_period = "1h" });

        var rotated = await response.Content.ReadFromJsonAsync<JsonElement>();
        var expires = rotated.GetProperty("previous_expires_at").GetDateTimeOffset();
        Assert.InRange(expires - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(55), TimeSpan.FromMinutes(65));
        Assert.Equal(HttpStatusCode.OK, (await fixture.Client(oldKey).GetAsync($"/v1/accounts/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await fixture.Client(rotated.GetProperty("api_key").GetString()).GetAsync($"/v1/accounts/{id}")).StatusCode);
        var expiry = await fixture.Database.ScalarAsync<DateTime>(
            "select expires_at from herald_api_keys where account_id = @account and expires_at is not null", ("account", id));
        Assert.Equal(expires.UtcDateTime, expiry, TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task A_key_past_its_expiry_no_longer_authenticates()
    {
        var (id, oldKey) = await fixture.CreateAccountAsync();
        await fixture.Client(oldKey).PostAsJsonAsync($"/v1/accounts/{id}/rotate-key", new { grace_period = "1h" });

        await fixture.Database.ScalarAsync<int>(
            "with expired as (update herald_api_keys set expires_at = now() - interval '1 second' where account_id = @account and expires_at is not null returning 1) select count(*)::int from expired",
            ("account", id));

        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.Client(oldKey).GetAsync($"/v1/accounts/{id}")).StatusCode);
    }

    [Theory]
    [InlineData("""{"grace_period": "forever"}""")]
    [InlineData("""{"grace_period": "8d"}""")]
    [InlineData("""{"grace_period": 3600}""")]
    [InlineData("""{"grace": "1h"}""")]
    public async Task A_bad_rotation_body_changes_nothing(string body)
    {
        var (id, key) = await fixture.CreateAccountAsync();

        var response = await fixture.Client(key).PostAsync($"/v1/accounts/{id}/rotate-key", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity, $"{response.StatusCode}");
        Assert.Equal(HttpStatusCode.OK, (await fixture.Client(key).GetAsync($"/v1/accounts/{id}")).StatusCode);
        Assert.Equal(1L, await fixture.Database.ScalarAsync<long>("select count(*) from herald_api_keys where account_id = @account", ("account", id)));
    }

    [Fact]
    public async Task Keys_are_stored_only_as_hashes()
    {
        var (id, key) = await fixture.CreateAccountAsync();

        var stored = await fixture.Database.ScalarAsync<byte[]>("select key_hash from herald_api_keys where account_id = @account", ("account", id));

        Assert.Equal(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key)), stored);
    }
}
