using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Herald.Testing.Processes;
using Herald.Tests.Infrastructure;
using Herald.Tests.Infrastructure.Processes;

namespace Herald.Tests.Cluster;

/// <summary>A silo process and an API process (Orleans client) as operations run them, scraped on <c>/metrics</c>.</summary>
public sealed class MetricsAndDashboardTests
{
    [Fact]
    public async Task Metrics_move_with_deliveries_and_the_dashboard_answers_on_the_silo()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var receiver = await Receiver.StartAsync();
        receiver.Behave = (_, request) => request.Path switch
        {
            "/failing" => 500,
            "/refusing" => 400,
            _ => 200,
        };
        await using var cluster = new ProcessCluster(database.ConnectionString);
        var silo = await cluster.StartSiloAsync("silo");
        var api = await cluster.StartApiAsync();
        try
        {
            var before = await ScrapeAsync(silo);
            Assert.Equal(0, PrometheusText.Sum(before, "herald_delivery_attempts_total"));
            Assert.True(PrometheusText.HasPrefix(before, "orleans_"), "Orleans' own meter is exported");

            using var client = await ProcessCluster.AccountClientAsync(api);
            var ok = await WebhookAsync(client, receiver.Url("/ok"));
            await WebhookAsync(client, receiver.Url("/failing"));
            await WebhookAsync(client, receiver.Url("/refusing"));
            for (var n = 0; n < 3; n++)
            {
                var published = await client.PostAsJsonAsync("/v1/events", new { type = "metric.tick", data = new { n } });
                Assert.Equal(HttpStatusCode.Accepted, published.StatusCode);
            }

            // 3 succeeded, 3 refused for good (400), and the failing endpoint's head tried once and waiting a minute.
            // The gauges are a cached read of PostgreSQL: wait for one taken after the last attempt.
            var after = await Eventually.ReturnsAsync(() => ScrapeAsync(silo),
                m => PrometheusText.Sum(m, "herald_delivery_attempts_total") >= 7
                    && PrometheusText.Sum(m, "herald_delivery_retry_backlog") == 1 && PrometheusText.Sum(m, "herald_delivery_pending") == 3,
                TimeSpan.FromSeconds(30), "seven attempts, three deliveries pending of which one waits for a retry");
            Assert.Equal(3, PrometheusText.Sum(after, "herald_delivery_attempts_total", ("outcome", "succeeded")));
            Assert.Equal(1, PrometheusText.Sum(after, "herald_delivery_attempts_total", ("outcome", "retryable")));
            Assert.Equal(3, PrometheusText.Sum(after, "herald_delivery_attempts_total", ("outcome", "permanent")));
            Assert.Equal(3, PrometheusText.Sum(after, "herald_deliveries_succeeded_total"));
            Assert.Equal(3, PrometheusText.Sum(after, "herald_deliveries_failed_total", ("reason", "permanent")));
            Assert.True(PrometheusText.Sum(after, "herald_events_published_total") >= 3);
            Assert.Equal(9, PrometheusText.Sum(after, "herald_deliveries_queued_total"));
            Assert.Equal(7, PrometheusText.Sum(after, "herald_delivery_latency_seconds_count"));
            Assert.Equal(7, PrometheusText.Sum(after, "herald_delivery_attempt_duration_seconds_count"));
            Assert.True(PrometheusText.Sum(after, "herald_delivery_latency_seconds_bucket", ("le", "+Inf")) >= 7);

            Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/v1/webhooks/{ok}/disable", null)).StatusCode);
            await Eventually.ReturnsAsync(() => ScrapeAsync(silo),
                m => PrometheusText.Sum(m, "herald_endpoints_disabled_total", ("reason", "user")) == 1, TimeSpan.FromSeconds(10), "disabled counted");

            // The API process reports the cluster-wide backlog and its own HTTP server metrics.
            var apiMetrics = await Eventually.ReturnsAsync(() => ScrapeAsync(api),
                m => PrometheusText.Sum(m, "herald_delivery_retry_backlog") == 1, TimeSpan.FromSeconds(10), "the API reports the backlog");
            Assert.True(PrometheusText.Sum(apiMetrics, "http_server_request_duration_seconds_count") >= 3);

            using var closed = await silo.GetAsync("/dashboard/");
            Assert.Equal(HttpStatusCode.Unauthorized, closed.StatusCode);
            using var dashboard = ProcessCluster.Client(silo, ProcessCluster.AdminKey);
            using var opened = await dashboard.GetAsync("/dashboard/");
            Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
            Assert.Contains("html", await opened.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        }
        catch (Exception exception) when (exception is not TimeoutException)
        {
            throw new Xunit.Sdk.XunitException($"{exception.Message}\n\n{cluster.Diagnostics()}");
        }
        catch (TimeoutException exception)
        {
            throw new TimeoutException($"{exception.Message}\n\n{cluster.Diagnostics()}", exception);
        }
    }

    private static async Task<string> WebhookAsync(HttpClient client, string url)
    {
        var response = await client.PostAsJsonAsync("/v1/webhooks", new { url, events = new[] { "metric.*" }, retry = new { schedule = new[] { "1m" } } });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    private static async Task<string> ScrapeAsync(HeraldProcess process)
    {
        using var response = await process.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }
}
