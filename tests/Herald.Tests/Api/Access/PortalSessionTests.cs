using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Herald.Tests.Api.Faults;
using Herald.Tests.Infrastructure;

namespace Herald.Tests.Api.Access;

/// <summary>Portal sessions (<c>hpt_…</c> tokens) against the real server: issue, expiry, revocation, what they may do.</summary>
public sealed class PortalSessionTests(AccessApiFixture fixture) : IClassFixture<AccessApiFixture>
{
    [Fact]
    public async Task A_session_answers_its_token_once_with_the_portal_url_and_stores_only_its_hash()
    {
        var (account, key) = await fixture.CreateAccountAsync();

        var response = await fixture.Client(key).PostAsJsonAsync($"/v1/accounts/{account}/portal-sessions", new { sources = new[] { "node-1" } });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var session = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = session.GetProperty("id").GetString()!;
        var token = session.GetProperty("token").GetString()!;
        Assert.StartsWith("ps_", id);
        Assert.StartsWith("hpt_", token);
        Assert.Equal(32, Convert.FromBase64String(token[4..].Replace('-', '+').Replace('_', '/') + "=").Length);
        Assert.Equal("/portal#token=" + token, session.GetProperty("url").GetString());
        Assert.Equal(fixture.Clock.Now + TimeSpan.FromHours(1), session.GetProperty("expires_at").GetDateTimeOffset(), TimeSpan.FromSeconds(1));
        Assert.False(session.GetProperty("read_only").GetBoolean());
        Assert.Equal(["node-1"], session.GetProperty("sources").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(SHA256.HashData(Encoding.UTF8.GetBytes(token)), await fixture.Database.ScalarAsync<byte[]>(
            "select token_hash from herald_portal_sessions where session_id = @id", ("id", id)));
        Assert.DoesNotContain(fixture.Logs.Entries, e => e.Message.Contains(token[4..], StringComparison.Ordinal));
    }

    [Fact]
    public async Task Me_describes_each_kind_of_credential()
    {
        var (account, key) = await fixture.CreateAccountAsync();
        var (_, token) = await AccessCalls.CreatePortalAsync(fixture, account, readOnly: true, sources: ["node-1", "node-2"], expiresIn: "2h");

        var portal = await AccessCalls.MeAsync(fixture, token);
        var accountKey = await AccessCalls.MeAsync(fixture, key);
        var admin = await AccessCalls.MeAsync(fixture, ApiFixture.AdminKey);

        Assert.Equal("portal", portal.GetProperty("kind").GetString());
        Assert.Equal(account, portal.GetProperty("account_id").GetString());
        Assert.Equal(["read"], portal.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));
        Assert.True(portal.GetProperty("read_only").GetBoolean());
        Assert.Equal(["node-1", "node-2"], portal.GetProperty("sources").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(fixture.Clock.Now + TimeSpan.FromHours(2), portal.GetProperty("expires_at").GetDateTimeOffset(), TimeSpan.FromSeconds(1));
        Assert.Equal("account_key", accountKey.GetProperty("kind").GetString());
        Assert.Equal(JsonValueKind.Null, accountKey.GetProperty("expires_at").ValueKind);
        Assert.Equal(JsonValueKind.Null, accountKey.GetProperty("sources").ValueKind);
        Assert.Equal("admin", admin.GetProperty("kind").GetString());
        Assert.Equal(JsonValueKind.Null, admin.GetProperty("account_id").ValueKind);
        Assert.Equal(["publish", "manage", "read"], admin.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));
    }

    [Theory]
    [InlineData("1h", 1)]
    [InlineData("24h", 24)]
    public async Task A_lifetime_up_to_24h_is_accepted(string expiresIn, int hours)
    {
        var (account, _) = await fixture.CreateAccountAsync();

        var response = await fixture.Client(ApiFixture.AdminKey).PostAsJsonAsync($"/v1/accounts/{account}/portal-sessions", new { expires_in = expiresIn });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var expires = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("expires_at").GetDateTimeOffset();
        Assert.Equal(fixture.Clock.Now + TimeSpan.FromHours(hours), expires, TimeSpan.FromSeconds(1));
    }

    [Theory]
    [InlineData("""{"expires_in":"25h"}""", HttpStatusCode.BadRequest, "invalid_parameter")]
    [InlineData("""{"expires_in":"2d"}""", HttpStatusCode.BadRequest, "invalid_parameter")]
    [InlineData("""{"expires_in":"soon"}""", HttpStatusCode.BadRequest, "invalid_parameter")]
    [InlineData("""{"sources":[]}""", HttpStatusCode.UnprocessableEntity, "validation_failed")]
    [InlineData("""{"sources":["a b"]}""", HttpStatusCode.UnprocessableEntity, "validation_failed")]
    [InlineData("""{"read_only":"yes"}""", HttpStatusCode.BadRequest, "invalid_json")]
    [InlineData("""{"scopes":["publish"]}""", HttpStatusCode.BadRequest, "invalid_json")]
    public async Task A_bad_session_request_is_refused_and_creates_nothing(string body, HttpStatusCode status, string code)
    {
        var (account, key) = await fixture.CreateAccountAsync();

        var response = await fixture.Client(key).PostAsync($"/v1/accounts/{account}/portal-sessions", new StringContent(body, Encoding.UTF8, "application/json"));

        await ProblemAssert.IsAsync(response, status, code, body);
        Assert.Equal(0L, await fixture.Database.ScalarAsync<long>("select count(*) from herald_portal_sessions where account_id = @a", ("a", account)));
    }

    [Fact]
    public async Task A_session_past_its_expiry_answers_401_token_expired()
    {
        var (account, _) = await fixture.CreateAccountAsync();
        var (_, token) = await AccessCalls.CreatePortalAsync(fixture, account);
        Assert.Equal(HttpStatusCode.OK, (await fixture.Client(token).GetAsync("/v1/webhooks")).StatusCode);

        fixture.Clock.Now += TimeSpan.FromMinutes(59);
        Assert.Equal(HttpStatusCode.OK, (await fixture.Client(token).GetAsync("/v1/webhooks")).StatusCode);
        fixture.Clock.Now += TimeSpan.FromMinutes(1);

        await ProblemAssert.IsAsync(await fixture.Client(token).GetAsync("/v1/webhooks"), HttpStatusCode.Unauthorized, "token_expired", "expired session");
    }

    [Fact]
    public async Task The_sessions_list_pages_newest_first_without_tokens_and_leaves_out_expired_ones()
    {
        var (account, key) = await fixture.CreateAccountAsync();
        var (shortLived, _) = await AccessCalls.CreatePortalAsync(fixture, account, expiresIn: "1h");
        var (readOnly, _) = await AccessCalls.CreatePortalAsync(fixture, account, readOnly: true, sources: ["node-1"], expiresIn: "3h");
        var (longer, _) = await AccessCalls.CreatePortalAsync(fixture, account, expiresIn: "2h");
        var url = $"/v1/accounts/{account}/portal-sessions";

        var first = await fixture.Client(key).GetFromJsonAsync<JsonElement>(url + "?limit=2");
        var second = await fixture.Client(key).GetFromJsonAsync<JsonElement>(url + "?limit=2&cursor=" + first.GetProperty("next_cursor").GetString());
        fixture.Clock.Now += TimeSpan.FromMinutes(61);
        var later = await fixture.Client(key).GetFromJsonAsync<JsonElement>(url);

        var listed = first.GetProperty("data").EnumerateArray().Concat(second.GetProperty("data").EnumerateArray()).ToList();
        Assert.Equal(new[] { shortLived, readOnly, longer }.OrderDescending(StringComparer.Ordinal), listed.Select(s => s.GetProperty("id").GetString()));
        Assert.Equal((true, false), (first.GetProperty("has_more").GetBoolean(), second.GetProperty("has_more").GetBoolean()));
        Assert.All(listed, s => Assert.False(s.TryGetProperty("token", out _) || s.TryGetProperty("url", out _)));
        var shownReadOnly = listed.Single(s => s.GetProperty("id").GetString() == readOnly);
        Assert.True(shownReadOnly.GetProperty("read_only").GetBoolean());
        Assert.Equal(["node-1"], shownReadOnly.GetProperty("sources").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(new[] { readOnly, longer }.OrderDescending(StringComparer.Ordinal),
            later.GetProperty("data").EnumerateArray().Select(s => s.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task A_revoked_session_stops_working_at_once()
    {
        var (account, key) = await fixture.CreateAccountAsync();
        var (id, token) = await AccessCalls.CreatePortalAsync(fixture, account);
        Assert.Equal(HttpStatusCode.OK, (await fixture.Client(token).GetAsync("/v1/webhooks")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await fixture.Client(key).DeleteAsync($"/v1/accounts/{account}/portal-sessions/{id}")).StatusCode);

        await ProblemAssert.IsAsync(await fixture.Client(token).GetAsync("/v1/webhooks"), HttpStatusCode.Unauthorized, "unauthorized", "revoked session");
        await ProblemAssert.IsAsync(await fixture.Client(key).DeleteAsync($"/v1/accounts/{account}/portal-sessions/{id}"),
            HttpStatusCode.NotFound, "not_found", "second revocation");
    }

    [Fact]
    public async Task A_portal_token_never_publishes_changes_the_account_or_manages_keys_and_sessions()
    {
        await using var receiver = await Receiver.StartAsync();
        var (account, key) = await fixture.CreateAccountAsync();
        var webhook = await TenantState.CreateWebhookAsync(fixture.Client(key), receiver.Url());
        var (sessionId, _) = await AccessCalls.CreatePortalAsync(fixture, account);
        var (keyId, _) = await AccessCalls.CreateKeyAsync(fixture, account, ["read"]);
        var (_, token) = await AccessCalls.CreatePortalAsync(fixture, account);
        var before = await SnapshotAsync(account, webhook);

        (HttpMethod Method, string Path, string? Body, string Scope)[] refused =
        [
            (HttpMethod.Post, "/v1/events", """{"type":"server.created","data":{}}""", "publish"),
            (HttpMethod.Patch, $"/v1/accounts/{account}", """{"name":"pwned"}""", "publish manage read"),
            (HttpMethod.Post, $"/v1/accounts/{account}/rotate-key", null, "publish manage read"),
            (HttpMethod.Get, $"/v1/accounts/{account}/keys", null, "publish manage read"),
            (HttpMethod.Post, $"/v1/accounts/{account}/keys", """{"name":"mine","scopes":["publish"]}""", "publish manage read"),
            (HttpMethod.Delete, $"/v1/accounts/{account}/keys/{keyId}", null, "publish manage read"),
            (HttpMethod.Post, $"/v1/accounts/{account}/portal-sessions", "{}", "publish manage read"),
            (HttpMethod.Delete, $"/v1/accounts/{account}/portal-sessions/{sessionId}", null, "publish manage read"),
        ];
        foreach (var (method, path, body, scope) in refused)
        {
            var problem = await ProblemAssert.IsAsync(await SendAsync(token, method, path, body), HttpStatusCode.Forbidden, "insufficient_scope", $"{method} {path}");
            Assert.Equal(scope, problem.GetProperty("scope").GetString());
        }

        Assert.Equal(before, await SnapshotAsync(account, webhook));
        Assert.Empty(receiver.Requests);
    }

    [Fact]
    public async Task A_read_only_session_reads_and_refuses_every_write()
    {
        await using var receiver = await Receiver.StartAsync();
        var (account, key) = await fixture.CreateAccountAsync();
        var webhook = await TenantState.CreateWebhookAsync(fixture.Client(key), receiver.Url());
        var (_, token) = await AccessCalls.CreatePortalAsync(fixture, account, readOnly: true);
        var before = await SnapshotAsync(account, webhook);

        Assert.Equal(HttpStatusCode.OK, (await fixture.Client(token).GetAsync($"/v1/webhooks/{webhook}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await fixture.Client(token).GetAsync($"/v1/webhooks/{webhook}/deliveries")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await fixture.Client(token).GetAsync($"/v1/accounts/{account}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await fixture.Client(token).GetAsync("/v1/event-types")).StatusCode);
        (HttpMethod Method, string Path, string? Body)[] writes =
        [
            (HttpMethod.Post, "/v1/webhooks", $$"""{"url":"{{receiver.Url("/ro")}}","events":["*"]}"""),
            (HttpMethod.Patch, $"/v1/webhooks/{webhook}", """{"description":"changed"}"""),
            (HttpMethod.Delete, $"/v1/webhooks/{webhook}", null),
            (HttpMethod.Delete, $"/v1/webhooks?ids={webhook}", null),
            (HttpMethod.Post, $"/v1/webhooks/{webhook}/disable", null),
            (HttpMethod.Post, $"/v1/webhooks/{webhook}/enable", null),
            (HttpMethod.Post, $"/v1/webhooks/{webhook}/test", null),
            (HttpMethod.Post, $"/v1/webhooks/{webhook}/rotate-secret", null),
            (HttpMethod.Post, $"/v1/webhooks/{webhook}/recover", $$"""{"since":"{{DateTimeOffset.UtcNow.AddHours(-1):O}}"}"""),
            (HttpMethod.Post, $"/v1/webhooks/{webhook}/deliveries/dlv_x/retry", null),
        ];
        foreach (var (method, path, body) in writes)
        {
            var problem = await ProblemAssert.IsAsync(await SendAsync(token, method, path, body), HttpStatusCode.Forbidden, "insufficient_scope", $"{method} {path}");
            Assert.Equal("manage", problem.GetProperty("scope").GetString());
        }

        Assert.Equal(before, await SnapshotAsync(account, webhook));
        Assert.Empty(receiver.Requests);
    }

    [Fact]
    public async Task A_session_with_sources_sees_and_makes_only_webhooks_of_those_sources()
    {
        await using var receiver = await Receiver.StartAsync();
        var (account, key) = await fixture.CreateAccountAsync();
        var owner = fixture.Client(key);
        var mine = await CreateWebhookAsync(owner, receiver.Url("/1"), "node-1");
        var wide = await CreateWebhookAsync(owner, receiver.Url("/all"), null);
        var theirs = await CreateWebhookAsync(owner, receiver.Url("/2"), "node-2");
        var (_, token) = await AccessCalls.CreatePortalAsync(fixture, account, sources: ["node-1"]);
        var portal = fixture.Client(token);

        var list = await portal.GetFromJsonAsync<JsonElement>("/v1/webhooks");
        Assert.Equal([mine], list.GetProperty("data").EnumerateArray().Select(w => w.GetProperty("id").GetString()));
        foreach (var hidden in new[] { wide, theirs })
        {
            await ProblemAssert.IsAsync(await portal.GetAsync($"/v1/webhooks/{hidden}"), HttpStatusCode.NotFound, "not_found", "GET " + hidden);
            await ProblemAssert.IsAsync(await portal.GetAsync($"/v1/webhooks/{hidden}/deliveries"), HttpStatusCode.NotFound, "not_found");
            await ProblemAssert.IsAsync(await portal.PatchAsJsonAsync($"/v1/webhooks/{hidden}", new { description = "x" }), HttpStatusCode.NotFound, "not_found");
            await ProblemAssert.IsAsync(await portal.DeleteAsync($"/v1/webhooks/{hidden}"), HttpStatusCode.NotFound, "not_found");
        }
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync($"/v1/webhooks/{theirs}")).StatusCode);

        var created = await portal.PostAsJsonAsync("/v1/webhooks", new { url = receiver.Url("/new"), events = new[] { "*" } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("node-1", (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("source").GetString());
        var outside = await ProblemAssert.IsAsync(await portal.PostAsJsonAsync("/v1/webhooks", new { url = receiver.Url("/x"), events = new[] { "*" }, source = "node-2" }),
            HttpStatusCode.Forbidden, "forbidden", "create for another source");
        Assert.True(outside.GetProperty("errors").TryGetProperty("source", out _));
        await ProblemAssert.IsAsync(await portal.PatchAsJsonAsync($"/v1/webhooks/{mine}", new { source = "node-2" }), HttpStatusCode.Forbidden, "forbidden", "move away");
        Assert.Equal("node-1", (await owner.GetFromJsonAsync<JsonElement>($"/v1/webhooks/{mine}")).GetProperty("source").GetString());
        Assert.Equal(4, (await owner.GetFromJsonAsync<JsonElement>("/v1/webhooks")).GetProperty("data").GetArrayLength());
    }

    [Fact]
    public async Task A_session_with_sources_pages_through_its_webhooks_only()
    {
        await using var receiver = await Receiver.StartAsync();
        var (account, key) = await fixture.CreateAccountAsync();
        var owner = fixture.Client(key);
        var mine = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            mine.Add(await CreateWebhookAsync(owner, receiver.Url($"/m{i}"), "node-1"));
            await CreateWebhookAsync(owner, receiver.Url($"/o{i}"), "node-2");
        }
        var (_, token) = await AccessCalls.CreatePortalAsync(fixture, account, sources: ["node-1"]);

        var first = await fixture.Client(token).GetFromJsonAsync<JsonElement>("/v1/webhooks?limit=2");
        var cursor = first.GetProperty("next_cursor").GetString();
        var second = await fixture.Client(token).GetFromJsonAsync<JsonElement>($"/v1/webhooks?limit=2&cursor={cursor}");

        var seen = first.GetProperty("data").EnumerateArray().Concat(second.GetProperty("data").EnumerateArray()).Select(w => w.GetProperty("id").GetString());
        Assert.Equal(Enumerable.Reverse(mine), seen);
        Assert.Equal(JsonValueKind.Null, second.GetProperty("next_cursor").ValueKind);
    }

    [Fact]
    public async Task A_session_with_sources_sees_only_events_of_those_sources()
    {
        var (account, key) = await fixture.CreateAccountAsync();
        var owner = fixture.Client(key);
        await owner.PostAsJsonAsync("/v1/events", new { id = "evt_n1", type = "server.created", source = "node-1", data = new { } });
        await owner.PostAsJsonAsync("/v1/events", new { id = "evt_n2", type = "server.created", source = "node-2", data = new { } });
        var (_, token) = await AccessCalls.CreatePortalAsync(fixture, account, sources: ["node-1"]);

        Assert.Equal(HttpStatusCode.OK, (await fixture.Client(token).GetAsync("/v1/events/evt_n1")).StatusCode);
        await ProblemAssert.IsAsync(await fixture.Client(token).GetAsync("/v1/events/evt_n2"), HttpStatusCode.NotFound, "not_found");
        // The event search too: with one source the query asks for it; with several, the page keeps those it sees.
        var (_, several) = await AccessCalls.CreatePortalAsync(fixture, account, sources: ["node-1", "node-3"]);
        foreach (var session in new[] { token, several })
        {
            var listed = await fixture.Client(session).GetFromJsonAsync<JsonElement>("/v1/events");
            Assert.Equal(["evt_n1"], listed.GetProperty("data").EnumerateArray().Select(e => e.GetProperty("id").GetString()));
        }
        var all = await owner.GetFromJsonAsync<JsonElement>("/v1/events");
        Assert.Equal(2, all.GetProperty("data").GetArrayLength());
    }

    [Fact]
    public async Task A_portal_token_never_sees_another_account()
    {
        await using var receiver = await Receiver.StartAsync();
        var (account, _) = await fixture.CreateAccountAsync();
        var (other, otherKey) = await fixture.CreateAccountAsync();
        var theirs = await TenantState.CreateWebhookAsync(fixture.Client(otherKey), receiver.Url());
        await fixture.Client(otherKey).PostAsJsonAsync("/v1/events", new { id = "evt_other", type = "server.created", data = new { } });
        await Eventually.ReturnsAsync(() => fixture.Database.ScalarAsync<long>(
            "select count(*) from herald_deliveries where endpoint_id = @e and status = 'succeeded'", ("e", theirs)), n => n == 1, what: "the other account's delivery");
        var (_, token) = await AccessCalls.CreatePortalAsync(fixture, account);
        var portal = fixture.Client(token);
        var before = await SnapshotAsync(other, theirs);

        await ProblemAssert.IsAsync(await portal.GetAsync($"/v1/accounts/{other}"), HttpStatusCode.NotFound, "not_found");
        await ProblemAssert.IsAsync(await portal.GetAsync($"/v1/webhooks?account_id={other}"), HttpStatusCode.NotFound, "not_found");
        await ProblemAssert.IsAsync(await portal.GetAsync($"/v1/webhooks/{theirs}"), HttpStatusCode.NotFound, "not_found");
        await ProblemAssert.IsAsync(await portal.PatchAsJsonAsync($"/v1/webhooks/{theirs}", new { description = "x" }), HttpStatusCode.NotFound, "not_found");
        await ProblemAssert.IsAsync(await portal.PostAsync($"/v1/webhooks/{theirs}/disable", null), HttpStatusCode.NotFound, "not_found");
        await ProblemAssert.IsAsync(await portal.DeleteAsync($"/v1/webhooks/{theirs}"), HttpStatusCode.NotFound, "not_found");
        await ProblemAssert.IsAsync(await portal.GetAsync($"/v1/events/evt_other?account_id={other}"), HttpStatusCode.NotFound, "not_found");
        await ProblemAssert.IsAsync(await portal.PostAsJsonAsync("/v1/webhooks", new { url = receiver.Url("/x"), events = new[] { "*" }, account_id = other }),
            HttpStatusCode.NotFound, "not_found");
        Assert.DoesNotContain(theirs, await portal.GetStringAsync("/v1/webhooks"));

        Assert.Equal(before, await SnapshotAsync(other, theirs));
    }

    private async Task<string> SnapshotAsync(string account, string webhook) =>
        await TenantState.SnapshotAsync(fixture, account, [webhook], []) + "\nsessions: "
        + await fixture.Database.ScalarAsync<long>("select count(*) from herald_portal_sessions where account_id = @a", ("a", account));

    private async Task<HttpResponseMessage> SendAsync(string token, HttpMethod method, string path, string? body)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }
        return await fixture.Client(token).SendAsync(request);
    }

    private static async Task<string> CreateWebhookAsync(HttpClient client, string url, string? source)
    {
        var response = await client.PostAsJsonAsync("/v1/webhooks", new { url, events = new[] { "*" }, source });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }
}
