using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Herald.Api;

namespace Herald.Tests.Api;

public sealed class FuzzTests(FuzzApiFixture fixture) : IClassFixture<FuzzApiFixture>
{
    private const int Seed = 20260405;
    private const int Requests = 2400;
    private static readonly TimeSpan Budget = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task Malformed_bodies_headers_and_paths_never_get_a_5xx_and_change_nothing()
    {
        var (accountId, key) = await fixture.CreateAccountAsync("fuzz");
        var client = fixture.Client(null);
        var webhook = await TenantState.CreateWebhookAsync(fixture.Client(key), "http://127.0.0.1:9/fuzz");
        var published = await fixture.Client(key).PostAsJsonAsync("/v1/events", new { type = "fuzz.seed", data = new { } });
        var eventId = (await published.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        // The first attempt (refused: nothing listens on port 9) is recorded before the webhook is paused, so the
        // state compared below is settled: a pause does not wait for an attempt in flight.
        await Eventually.ReturnsAsync(() => fixture.Database.ScalarAsync<int>(
            "select attempts from herald_deliveries where endpoint_id = @endpoint", ("endpoint", webhook)), n => n >= 1,
            what: "the first attempt is recorded");
        await fixture.Client(key).PostAsync($"/v1/webhooks/{webhook}/disable", null);
        var before = await TenantState.SnapshotAsync(fixture, accountId, [webhook], [eventId]);
        var globalBefore = await TenantState.GlobalCountsAsync(fixture);

        var generator = new MalformedRequests(new Random(Seed), accountId, webhook, new ApiOptions().MaxRequestBytes);
        var statuses = new Dictionary<int, int>();
        var serverErrors = new List<string>();
        var clock = Stopwatch.StartNew();
        var sent = 0;
        for (; sent < Requests && clock.Elapsed < Budget; sent++)
        {
            using var request = generator.Next(key, ApiFixture.AdminKey);
            var description = $"#{sent} {request.Method} {request.RequestUri} {(request.Content is null ? "" : System.Text.Encoding.UTF8.GetString(await request.Content.ReadAsByteArrayAsync()))}";
            using var response = await client.SendAsync(request);
            var status = (int)response.StatusCode;
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            if (status >= 500)
            {
                serverErrors.Add($"{description} → {status}: {await response.Content.ReadAsStringAsync()}");
            }
        }

        Assert.True(sent >= 2000, $"only {sent} requests within {Budget}");
        Assert.Empty(serverErrors);
        // Some malformed requests are plain reads by then (a PATCH to a hostile path that routes nowhere is 405; a
        // rotate-key body the route ignores is still a body error), so only a write's 201/202/204 would be a failure.
        Assert.DoesNotContain(statuses.Keys, s => s is 201 or 202 or 204);
        Assert.Equal(before, await TenantState.SnapshotAsync(fixture, accountId, [webhook], [eventId]));
        Assert.Equal(globalBefore, await TenantState.GlobalCountsAsync(fixture));
    }
}
