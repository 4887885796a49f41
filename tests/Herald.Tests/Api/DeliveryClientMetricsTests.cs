using System.Net;
using System.Net.Http.Json;
using Herald.Tests.Infrastructure;
using Herald.Tests.Infrastructure.Processes;

namespace Herald.Tests.Api;

/// <summary>
/// The delivery client's <c>http_client_*</c> metrics on <c>/metrics</c>: counted, but not per destination, so that
/// every receiver host delivered to does not add series that stay for the life of the process.
/// </summary>
public sealed class DeliveryClientMetricsTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Deliveries_to_two_receivers_are_counted_in_series_that_name_neither()
    {
        await using var first = await Receiver.StartAsync();
        await using var second = await Receiver.StartAsync();
        var client = fixture.Client((await fixture.CreateAccountAsync()).Key);
        foreach (var receiver in new[] { first, second })
        {
            var created = await client.PostAsJsonAsync("/v1/webhooks", new { url = receiver.Url(), events = new[] { "metric.tick" } });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }
        var published = await client.PostAsJsonAsync("/v1/events", new { type = "metric.tick", data = new { n = 1 } });
        Assert.Equal(HttpStatusCode.Accepted, published.StatusCode);
        await Eventually.ReturnsAsync(() => Task.FromResult(first.Requests.Count + second.Requests.Count), n => n == 2, what: "one delivery to each receiver");

        var metrics = await Eventually.ReturnsAsync(() => fixture.Client(null).GetStringAsync("/metrics"),
            m => PrometheusText.Sum(m, "http_client_request_duration_seconds_count", ("http_response_status_code", "200")) >= 2,
            what: "both deliveries counted");

        var clientLines = metrics.Split('\n').Where(line => line.StartsWith("http_client_", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(clientLines);
        foreach (var tag in new[] { "server_address=", "server_port=", "network_peer_address=" })
        {
            Assert.DoesNotContain(clientLines, line => line.Contains(tag, StringComparison.Ordinal));
        }
    }
}
