using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Herald.Tests.Api.Faults;
using Herald.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Herald.Tests.Api.Access;

/// <summary>
/// Every /v1 route the running server maps (read from its endpoint table, so routes added later are in it) × every kind
/// of limited credential: each is let through or refused with 403 as the contract's scope rule says, and the refusals
/// change nothing.
/// </summary>
public sealed partial class ScopeMatrixTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private const string AllScopes = "publish manage read";

    [Fact]
    public async Task Every_route_lets_through_exactly_the_credentials_whose_scopes_the_rule_asks()
    {
        await using var receiver = await Receiver.StartAsync();
        var (account, key) = await fixture.CreateAccountAsync();
        var owner = fixture.Client(key);
        var webhook = await TenantState.CreateWebhookAsync(owner, receiver.Url());
        var published = await owner.PostAsJsonAsync("/v1/events", new { id = "evt_matrix", type = "server.created", data = new { } });
        Assert.Equal(HttpStatusCode.Accepted, published.StatusCode);
        await Eventually.ReturnsAsync(() => fixture.Database.ScalarAsync<long>(
            "select count(*) from herald_deliveries where endpoint_id = @e and status = 'succeeded'", ("e", webhook)), n => n == 1, what: "the delivery");
        var deliveryId = await fixture.Database.ScalarAsync<string>("select delivery_id from herald_deliveries where endpoint_id = @e", ("e", webhook));
        var (spareKey, _) = await AccessCalls.CreateKeyAsync(fixture, account, ["read"]);
        var (spareSession, _) = await AccessCalls.CreatePortalAsync(fixture, account);
        var credentials = new (string Name, string Token, string[] Scopes, bool AllScopeAccountKey)[]
        {
            ("read key", (await AccessCalls.CreateKeyAsync(fixture, account, ["read"])).Key, ["read"], false),
            ("manage key", (await AccessCalls.CreateKeyAsync(fixture, account, ["manage"])).Key, ["manage"], false),
            ("publish key", (await AccessCalls.CreateKeyAsync(fixture, account, ["publish"])).Key, ["publish"], false),
            ("all-scope key", (await AccessCalls.CreateKeyAsync(fixture, account, ["publish", "manage", "read"])).Key, ["publish", "manage", "read"], true),
            ("portal", (await AccessCalls.CreatePortalAsync(fixture, account)).Token, ["read", "manage"], false),
            ("read-only portal", (await AccessCalls.CreatePortalAsync(fixture, account, readOnly: true)).Token, ["read"], false),
        };
        var routes = Routes().ToList();
        Assert.Contains(routes, r => r.Template == "/v1/accounts/{}/keys/{}");
        Assert.Contains(routes, r => r.Template == "/v1/webhooks/{}/rotate-secret");
        string PathOf(string raw) => Parameter().Replace(raw, m => m.Groups[1].Value switch
        {
            "id" when raw.StartsWith("/v1/accounts", StringComparison.Ordinal) => account,
            "id" when raw.StartsWith("/v1/webhooks", StringComparison.Ordinal) => webhook,
            "id" when raw.StartsWith("/v1/events", StringComparison.Ordinal) => "evt_matrix",
            "deliveryId" => deliveryId,
            "keyId" => spareKey,
            "sessionId" => spareSession,
            "type" => "server.created",
            _ => "x_matrix",
        });

        var refusals = new List<string>();
        var before = await SnapshotAsync(account, webhook);
        foreach (var (method, raw, template) in routes)
        {
            var asked = Asked(method, template);
            foreach (var (name, token, scopes, allScope) in credentials.Where(c => !Allowed(asked, c.Scopes, c.AllScopeAccountKey)))
            {
                var response = await SendAsync(token, method, PathOf(raw));
                var what = $"{name} on {method} {raw} (asks {asked})";
                if (asked == "admin")
                {
                    await ProblemAssert.IsAsync(response, HttpStatusCode.Forbidden, "forbidden", what);
                }
                else
                {
                    var problem = await ProblemAssert.IsAsync(response, HttpStatusCode.Forbidden, "insufficient_scope", what);
                    Assert.Equal(asked == "account" ? AllScopes : asked, problem.GetProperty("scope").GetString());
                }
                refusals.Add(what);
            }
        }
        Assert.Equal(before, await SnapshotAsync(account, webhook));

        foreach (var (method, raw, template) in routes)
        {
            var asked = Asked(method, template);
            foreach (var (name, token, _, _) in credentials.Where(c => Allowed(asked, c.Scopes, c.AllScopeAccountKey)))
            {
                var response = await SendAsync(token, method, PathOf(raw));
                var status = (int)response.StatusCode;
                Assert.True(status is not (401 or 403) and < 500,
                    $"{name} on {method} {raw} (asks {asked}) answered {status}: {await response.Content.ReadAsStringAsync()}");
            }
        }
        Assert.True(refusals.Count > routes.Count, $"only {refusals.Count} refusals over {routes.Count} routes");
    }

    /// <summary>The contract's rule, written out here apart from the server's table: what a route asks.</summary>
    private static string Asked(string method, string template)
    {
        var write = method is not ("GET" or "HEAD");
        return template switch
        {
            "/v1/me" => "any",
            "/v1/accounts" => "admin",
            "/v1/accounts/{}" when method == "DELETE" => "admin",
            _ when write && template.StartsWith("/v1/event-types", StringComparison.Ordinal) => "admin",
            "/v1/accounts/{}" when write => "account",
            "/v1/accounts/{}/rotate-key" => "account",
            _ when template.StartsWith("/v1/accounts/{}/keys", StringComparison.Ordinal) => "account",
            _ when template.StartsWith("/v1/accounts/{}/portal-sessions", StringComparison.Ordinal) => "account",
            _ when !write => "read",
            "/v1/events" when method == "POST" => "publish",
            _ => "manage",
        };
    }

    private static bool Allowed(string asked, string[] scopes, bool allScopeAccountKey) => asked switch
    {
        "any" => true,
        "admin" => false,
        "account" => allScopeAccountKey,
        _ => scopes.Contains(asked),
    };

    /// <summary>Every (method, route) under /v1 that the running server maps.</summary>
    private IEnumerable<(string Method, string Raw, string Template)> Routes()
    {
        var endpoints = fixture.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        foreach (var endpoint in endpoints)
        {
            var raw = "/" + endpoint.RoutePattern.RawText!.Trim('/');
            if (!raw.StartsWith("/v1/", StringComparison.Ordinal))
            {
                continue;
            }
            foreach (var method in endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [])
            {
                yield return (method, raw, Parameter().Replace(raw, "{}"));
            }
        }
    }

    private async Task<string> SnapshotAsync(string account, string webhook) =>
        await TenantState.SnapshotAsync(fixture, account, [webhook], ["evt_matrix"]) + "\nsessions: "
        + await fixture.Database.ScalarAsync<string>(
            "select coalesce(string_agg(session_id, ',' order by session_id), '') from herald_portal_sessions where account_id = @a", ("a", account))
        + "\nkeys: " + await fixture.Database.ScalarAsync<string>(
            "select string_agg(key_id || name || array_to_string(scopes, ' '), ',' order by key_id) from herald_api_keys where account_id = @a", ("a", account))
        + "\ntypes: " + await fixture.Database.ScalarAsync<long>("select count(*) from herald_event_types");

    private async Task<HttpResponseMessage> SendAsync(string token, string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method is not ("GET" or "HEAD" or "DELETE"))
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }
        return await fixture.Client(token).SendAsync(request);
    }

    [GeneratedRegex(@"\{([^}:?=*]*)[^}]*\}")]
    private static partial Regex Parameter();
}
