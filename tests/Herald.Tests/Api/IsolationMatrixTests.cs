using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Herald.Tests.Infrastructure;

namespace Herald.Tests.Api;

/// <summary>
/// Account A's key on every route that reaches account B's resources: each answers 404 (403 for the admin-only
/// routes), and B's account, webhooks, deliveries, events and keys read the same before and after.
/// </summary>
public sealed class IsolationMatrixTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Another_accounts_key_finds_nothing_and_changes_nothing_on_any_route()
    {
        await using var receiver = await Receiver.StartAsync();
        var (a, keyA) = await fixture.CreateAccountAsync("A");
        var (b, keyB) = await fixture.CreateAccountAsync("B");
        var clientB = fixture.Client(keyB);
        var webhook = await TenantState.CreateWebhookAsync(clientB, receiver.Url("/b"));
        var published = await clientB.PostAsJsonAsync("/v1/events", new { type = "server.created", data = new { n = 1 } });
        var eventId = (await published.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        await Eventually.ReturnsAsync(() => receiver.Requests, r => r.Count == 1, what: "B's delivery");
        var deliveryId = await fixture.Database.ScalarAsync<string>("select delivery_id from herald_deliveries where endpoint_id = @e", ("e", webhook));
        await Eventually.ReturnsAsync(() => fixture.Database.ScalarAsync<string>("select status from herald_deliveries where delivery_id = @d", ("d", deliveryId)),
            s => s == "succeeded", what: "B's delivery recorded");
        var (keyIdB, _) = await Access.AccessCalls.CreateKeyAsync(fixture, b, ["read"]);
        var (sessionIdB, _) = await Access.AccessCalls.CreatePortalAsync(fixture, b);
        var before = await TenantState.SnapshotAsync(fixture, b, [webhook], [eventId]);
        var since = DateTimeOffset.UtcNow.AddDays(-1).ToString("O");

        (HttpMethod Method, string Path, string? Body, HttpStatusCode Expected)[] matrix =
        [
            (HttpMethod.Get, $"/v1/accounts/{b}", null, HttpStatusCode.NotFound),
            (HttpMethod.Patch, $"/v1/accounts/{b}", """{"name":"pwned","disable_after":9}""", HttpStatusCode.NotFound),
            (HttpMethod.Post, $"/v1/accounts/{b}/rotate-key", null, HttpStatusCode.NotFound),
            (HttpMethod.Post, $"/v1/accounts/{b}/rotate-key", """{"grace_period":"1h"}""", HttpStatusCode.NotFound),
            (HttpMethod.Get, $"/v1/accounts/{b}/keys", null, HttpStatusCode.NotFound),
            (HttpMethod.Post, $"/v1/accounts/{b}/keys", """{"name":"mine","scopes":["read"]}""", HttpStatusCode.NotFound),
            (HttpMethod.Delete, $"/v1/accounts/{b}/keys/{keyIdB}", null, HttpStatusCode.NotFound),
            (HttpMethod.Post, $"/v1/accounts/{b}/portal-sessions", "{}", HttpStatusCode.NotFound),
            (HttpMethod.Delete, $"/v1/accounts/{b}/portal-sessions/{sessionIdB}", null, HttpStatusCode.NotFound),
            (HttpMethod.Get, $"/v1/webhooks?account_id={b}", null, HttpStatusCode.NotFound),
            (HttpMethod.Post, "/v1/webhooks", $$"""{"url":"http://127.0.0.1:9/x","events":["*"],"account_id":"{{b}}"}""", HttpStatusCode.NotFound),
            (HttpMethod.Get, $"/v1/webhooks/{webhook}", null, HttpStatusCode.NotFound),
            (HttpMethod.Get, $"/v1/webhooks/{webhook}?account_id={b}", null, HttpStatusCode.NotFound),
            (HttpMethod.Patch, $"/v1/webhooks/{webhook}", """{"url":"http://127.0.0.1:9/stolen","events":["*"]}""", HttpStatusCode.NotFound),
            (HttpMethod.Patch, $"/v1/webhooks/{webhook}?account_id={b}", """{"description":"pwned"}""", HttpStatusCode.NotFound),
            (HttpMethod.Patch, $"/v1/webhooks/{webhook}", """{"secret":"whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"}""", HttpStatusCode.NotFound),
            (HttpMethod.Delete, $"/v1/webhooks/{webhook}", null, HttpStatusCode.NotFound),
            (HttpMethod.Delete, $"/v1/webhooks/{webhook}?account_id={b}", null, HttpStatusCode.NotFound),
            (HttpMethod.Get, $"/v1/webhooks/{webhook}/deliveries", null, HttpStatusCode.NotFound),
            (HttpMethod.Get, $"/v1/webhooks/{webhook}/deliveries?account_id={b}", null, HttpStatusCode.NotFound),
            (HttpMethod.Get, $"/v1/webhooks/{webhook}/deliveries/{deliveryId}", null, HttpStatusCode.NotFound),
            (HttpMethod.Get, $"/v1/webhooks/{webhook}/attempts", null, HttpStatusCode.NotFound),
            (HttpMethod.Get, $"/v1/webhooks/{webhook}/stats", null, HttpStatusCode.NotFound),
            (HttpMethod.Post, $"/v1/webhooks/{webhook}/disable", null, HttpStatusCode.NotFound),
            (HttpMethod.Post, $"/v1/webhooks/{webhook}/enable", null, HttpStatusCode.NotFound),
            (HttpMethod.Post, $"/v1/webhooks/{webhook}/deliveries/{deliveryId}/retry", null, HttpStatusCode.NotFound),
            (HttpMethod.Post, $"/v1/webhooks/{webhook}/recover", $$"""{"since":"{{since}}"}""", HttpStatusCode.NotFound),
            (HttpMethod.Post, "/v1/events", $$"""{"type":"server.created","data":{},"account_id":"{{b}}"}""", HttpStatusCode.NotFound),
            (HttpMethod.Post, "/v1/events", $$"""{"type":"server.created","id":"{{eventId}}","data":{},"account_id":"{{b}}"}""", HttpStatusCode.NotFound),
            (HttpMethod.Get, $"/v1/events/{eventId}", null, HttpStatusCode.NotFound),
            (HttpMethod.Get, $"/v1/events/{eventId}?account_id={b}", null, HttpStatusCode.NotFound),
            (HttpMethod.Get, $"/v1/events?account_id={b}", null, HttpStatusCode.NotFound),
            (HttpMethod.Post, "/v1/accounts", """{"name":"mine now"}""", HttpStatusCode.Forbidden),
            (HttpMethod.Put, "/v1/event-types/server.created", """{"category":"compute"}""", HttpStatusCode.Forbidden),
        ];

        var clientA = fixture.Client(keyA);
        var failures = new List<string>();
        foreach (var (method, path, body, expected) in matrix)
        {
            using var request = new HttpRequestMessage(method, path);
            if (body is not null)
            {
                request.Content = new StringContent(body, Encoding.UTF8, "application/json");
            }
            var response = await clientA.SendAsync(request);
            if (response.StatusCode != expected)
            {
                failures.Add($"{method} {path} answered {(int)response.StatusCode}, not {(int)expected}");
            }
        }

        Assert.Empty(failures);
        Assert.Equal(before, await TenantState.SnapshotAsync(fixture, b, [webhook], [eventId]));
        Assert.Single(receiver.Requests);
        Assert.Equal(HttpStatusCode.OK, (await clientB.GetAsync($"/v1/webhooks/{webhook}")).StatusCode);
        var listA = await clientA.GetStringAsync("/v1/webhooks");
        Assert.DoesNotContain(webhook, listA);
        Assert.DoesNotContain(eventId, await clientA.GetStringAsync("/v1/events?type=*"));
        Assert.Equal(0L, await fixture.Database.ScalarAsync<long>("select count(*) from herald_events where account_id = @a", ("a", a)));
    }
}
