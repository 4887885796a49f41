using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Herald.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Herald.Tests.Portal;

/// <summary>
/// Issue 12's done-when: the portal's page load for an account with 1,000 webhooks and 10,000 deliveries, in headless
/// chromium against the real Herald. Seeded through the REST API (1,000 POST /v1/webhooks, 10,000 POST /v1/events to
/// the one webhook that listens, delivered to a receiver on 127.0.0.1). Run by scripts/portal-bench.sh; its figures
/// go to .data/portal-bench.json.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class PortalLoadBenchmark(PortalApiFixture fixture, ITestOutputHelper output)
{
    private const int Webhooks = 1000;
    private const int Deliveries = 10000;
    private const int Parallel = 8;

    [PortalBenchmarkFact]
    public async Task The_endpoints_and_deliveries_pages_load_with_1000_webhooks_and_10000_deliveries()
    {
        await using var receiver = await Receiver.StartAsync();
        var (accountId, key) = await fixture.CreateAccountAsync("portal-bench");
        var seeding = Stopwatch.StartNew();
        using var client = fixture.Client(key);

        // One webhook gets every event; the others listen to a type nobody publishes (their URL is never called).
        var hot = await CreateWebhookAsync(client, receiver.Url(), "bench.hot");
        await ForEachAsync(Enumerable.Range(1, Webhooks - 1), i => CreateWebhookAsync(client, $"http://127.0.0.1:9/idle-{i}", "bench.idle"));
        var webhooksSeconds = seeding.Elapsed.TotalSeconds;
        await ForEachAsync(Enumerable.Range(1, Deliveries), async i =>
        {
            var answer = await client.PostAsJsonAsync("/v1/events", new { type = "bench.hot", data = new { n = i } });
            answer.EnsureSuccessStatusCode();
        });
        var eventsSeconds = seeding.Elapsed.TotalSeconds - webhooksSeconds;
        await Eventually.ReturnsAsync(
            () => fixture.Database.ScalarAsync<long>("select count(*) from herald_deliveries where account_id = @a and status = 'succeeded'", ("a", accountId)),
            delivered => delivered == Deliveries, TimeSpan.FromMinutes(10), "the 10,000 deliveries");
        var seededSeconds = seeding.Elapsed.TotalSeconds;

        var result = await PortalBrowser.RunAsync("load-time", new Dictionary<string, object>
        {
            ["base_url"] = fixture.BaseUrl,
            ["token"] = await fixture.PortalTokenAsync(accountId),
            ["webhook_id"] = hot,
            ["loads"] = 5,
        });

        Assert.Equal(5, result.GetProperty("endpoints").GetProperty("ms").GetArrayLength());
        Assert.Equal(5, result.GetProperty("deliveries").GetProperty("ms").GetArrayLength());
        var report = JsonSerializer.Serialize(new
        {
            webhooks = Webhooks,
            deliveries = Deliveries,
            seeding_seconds = new { webhooks = Math.Round(webhooksSeconds, 1), events = Math.Round(eventsSeconds, 1), delivered = Math.Round(seededSeconds, 1) },
            load_average = File.ReadAllText("/proc/loadavg").Trim(),
            cpus = Environment.ProcessorCount,
            measured = result,
        }, new JsonSerializerOptions { WriteIndented = true });
        var file = Path.Combine(RepositoryRoot.Find(), ".data", "portal-bench.json");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.WriteAllTextAsync(file, report);
        output.WriteLine(report);
    }

    private static async Task<string> CreateWebhookAsync(HttpClient client, string url, string type)
    {
        var answer = await client.PostAsJsonAsync("/v1/webhooks", new { url, events = new[] { type } });
        answer.EnsureSuccessStatusCode();
        return (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    private static Task ForEachAsync(IEnumerable<int> items, Func<int, Task> body) =>
        System.Threading.Tasks.Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = Parallel }, async (i, _) => await body(i));
}
