using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Herald.Tests.Api.Faults;

namespace Herald.Tests.Api.Access;

/// <summary>Scoped account keys through <c>/v1/accounts/{id}/keys</c>, against the real server.</summary>
public sealed class AccountKeysApiTests(AccessApiFixture fixture) : IClassFixture<AccessApiFixture>
{
    [Fact]
    public async Task A_new_key_is_shown_once_stored_as_its_hash_and_listed_without_secrets()
    {
        var (account, key) = await fixture.CreateAccountAsync();

        var response = await fixture.Client(key).PostAsJsonAsync($"/v1/accounts/{account}/keys",
            new { name = "CI publisher", scopes = new[] { "publish" }, expires_in = "30d" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetString()!;
        var apiKey = created.GetProperty("api_key").GetString()!;
        Assert.StartsWith("key_", id);
        Assert.StartsWith("hk_", apiKey);
        Assert.Equal("CI publisher", created.GetProperty("name").GetString());
        Assert.Equal(["publish"], created.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(fixture.Clock.Now + TimeSpan.FromDays(30), created.GetProperty("expires_at").GetDateTimeOffset(), TimeSpan.FromSeconds(1));
        Assert.Equal(SHA256.HashData(Encoding.UTF8.GetBytes(apiKey)), await fixture.Database.ScalarAsync<byte[]>(
            "select key_hash from herald_api_keys where key_id = @id", ("id", id)));

        var list = await fixture.Client(key).GetStringAsync($"/v1/accounts/{account}/keys");
        Assert.DoesNotContain("hk_", list);
        var listed = JsonDocument.Parse(list).RootElement.GetProperty("data").EnumerateArray().ToList();
        Assert.Equal(2, listed.Count);
        Assert.Equal(id, listed[0].GetProperty("id").GetString());
        Assert.False(listed[0].TryGetProperty("api_key", out _));
        Assert.Equal(["publish", "manage", "read"], listed[1].GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));
    }

    [Fact]
    public async Task The_accounts_own_key_and_rotated_keys_have_every_scope_and_a_rotation_leaves_scoped_keys_alone()
    {
        var (account, key) = await fixture.CreateAccountAsync();
        var (_, reader) = await AccessCalls.CreateKeyAsync(fixture, account, ["read"]);
        Assert.Equal(["publish", "manage", "read"], (await AccessCalls.MeAsync(fixture, key)).GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));

        var rotated = await fixture.Client(key).PostAsync($"/v1/accounts/{account}/rotate-key", null);
        var newKey = (await rotated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("api_key").GetString()!;

        var me = await AccessCalls.MeAsync(fixture, newKey);
        Assert.Equal("account_key", me.GetProperty("kind").GetString());
        Assert.Equal(["publish", "manage", "read"], me.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.Client(key).GetAsync("/v1/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await fixture.Client(reader).GetAsync("/v1/webhooks")).StatusCode);
    }

    [Fact]
    public async Task A_revoked_key_stops_working_at_once()
    {
        var (account, _) = await fixture.CreateAccountAsync();
        var (id, key) = await AccessCalls.CreateKeyAsync(fixture, account, ["read"]);
        Assert.Equal(HttpStatusCode.OK, (await fixture.Client(key).GetAsync("/v1/webhooks")).StatusCode);

        var deleted = await fixture.Client(ApiFixture.AdminKey).DeleteAsync($"/v1/accounts/{account}/keys/{id}");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await ProblemAssert.IsAsync(await fixture.Client(key).GetAsync("/v1/webhooks"), HttpStatusCode.Unauthorized, "unauthorized", "revoked key");
        Assert.Equal(0L, await fixture.Database.ScalarAsync<long>("select count(*) from herald_api_keys where key_id = @id", ("id", id)));
        await ProblemAssert.IsAsync(await fixture.Client(ApiFixture.AdminKey).DeleteAsync($"/v1/accounts/{account}/keys/{id}"),
            HttpStatusCode.NotFound, "not_found", "second revocation");
    }

    [Fact]
    public async Task A_key_past_its_expiry_answers_401_token_expired()
    {
        var (account, _) = await fixture.CreateAccountAsync();
        var (_, key) = await AccessCalls.CreateKeyAsync(fixture, account, ["read", "manage"], "2h");
        Assert.Equal(HttpStatusCode.OK, (await fixture.Client(key).GetAsync("/v1/webhooks")).StatusCode);

        fixture.Clock.Now += TimeSpan.FromHours(2);

        var response = await fixture.Client(key).GetAsync("/v1/webhooks");
        await ProblemAssert.IsAsync(response, HttpStatusCode.Unauthorized, "token_expired", "expired key");
        Assert.Contains("invalid_token", response.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task A_key_with_a_scope_missing_gets_403_naming_the_scope()
    {
        var (account, _) = await fixture.CreateAccountAsync();
        var (_, reader) = await AccessCalls.CreateKeyAsync(fixture, account, ["read"]);

        var response = await fixture.Client(reader).PostAsJsonAsync("/v1/events", new { type = "server.created", data = new { } });

        var problem = await ProblemAssert.IsAsync(response, HttpStatusCode.Forbidden, "insufficient_scope", "publish with a read key");
        Assert.Equal("publish", problem.GetProperty("scope").GetString());
        Assert.Contains("scope=\"publish\"", response.Headers.WwwAuthenticate.ToString());
        Assert.Equal(0L, await fixture.Database.ScalarAsync<long>("select count(*) from herald_events where account_id = @a", ("a", account)));
    }

    [Fact]
    public async Task Only_an_all_scope_key_or_the_admin_manages_keys_and_never_another_accounts()
    {
        var (account, _) = await fixture.CreateAccountAsync();
        var (other, otherKey) = await fixture.CreateAccountAsync();
        var (_, manager) = await AccessCalls.CreateKeyAsync(fixture, account, ["manage", "read"]);
        var (_, everything) = await AccessCalls.CreateKeyAsync(fixture, account, ["read", "publish", "manage"]);
        var (otherKeyId, _) = await AccessCalls.CreateKeyAsync(fixture, other, ["read"]);
        var body = new { name = "x", scopes = new[] { "read" } };

        var refused = await ProblemAssert.IsAsync(await fixture.Client(manager).PostAsJsonAsync($"/v1/accounts/{account}/keys", body),
            HttpStatusCode.Forbidden, "insufficient_scope", "manage+read key");
        Assert.Equal("publish manage read", refused.GetProperty("scope").GetString());
        Assert.Equal(HttpStatusCode.Created, (await fixture.Client(everything).PostAsJsonAsync($"/v1/accounts/{account}/keys", body)).StatusCode);
        await ProblemAssert.IsAsync(await fixture.Client(everything).PostAsJsonAsync($"/v1/accounts/{other}/keys", body),
            HttpStatusCode.NotFound, "not_found", "another account's keys");
        await ProblemAssert.IsAsync(await fixture.Client(everything).GetAsync($"/v1/accounts/{other}/keys"), HttpStatusCode.NotFound, "not_found");
        await ProblemAssert.IsAsync(await fixture.Client(everything).DeleteAsync($"/v1/accounts/{other}/keys/{otherKeyId}"), HttpStatusCode.NotFound, "not_found");
        await ProblemAssert.IsAsync(await fixture.Client(everything).DeleteAsync($"/v1/accounts/{account}/keys/{otherKeyId}"), HttpStatusCode.NotFound, "not_found");
        Assert.Equal(1L, await fixture.Database.ScalarAsync<long>("select count(*) from herald_api_keys where key_id = @id", ("id", otherKeyId)));
        Assert.Equal(HttpStatusCode.OK, (await fixture.Client(otherKey).GetAsync($"/v1/accounts/{other}")).StatusCode);
    }

    [Theory]
    [InlineData("""{"scopes":["read"]}""", "name")]
    [InlineData("""{"name":"","scopes":["read"]}""", "name")]
    [InlineData("""{"name":"k"}""", "scopes")]
    [InlineData("""{"name":"k","scopes":[]}""", "scopes")]
    [InlineData("""{"name":"k","scopes":["admin"]}""", "scopes")]
    [InlineData("""{"name":"k","scopes":["read","read"]}""", "scopes")]
    public async Task A_bad_key_request_is_422_naming_the_field_and_adds_no_key(string body, string field)
    {
        var (account, key) = await fixture.CreateAccountAsync();

        var response = await fixture.Client(key).PostAsync($"/v1/accounts/{account}/keys", new StringContent(body, Encoding.UTF8, "application/json"));

        var problem = await ProblemAssert.IsAsync(response, HttpStatusCode.UnprocessableEntity, "validation_failed", body);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        Assert.Equal(1L, await fixture.Database.ScalarAsync<long>("select count(*) from herald_api_keys where account_id = @a", ("a", account)));
    }

    [Theory]
    [InlineData("never")]
    [InlineData("0s")]
    [InlineData("367d")]
    public async Task A_bad_expires_in_is_400_naming_it(string expiresIn)
    {
        var (account, key) = await fixture.CreateAccountAsync();

        var response = await fixture.Client(key).PostAsJsonAsync($"/v1/accounts/{account}/keys",
            new { name = "k", scopes = new[] { "read" }, expires_in = expiresIn });

        var problem = await ProblemAssert.IsAsync(response, HttpStatusCode.BadRequest, "invalid_parameter", expiresIn);
        Assert.True(problem.GetProperty("errors").TryGetProperty("expires_in", out _));
        Assert.Equal(1L, await fixture.Database.ScalarAsync<long>("select count(*) from herald_api_keys where account_id = @a", ("a", account)));
    }
}
