using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Herald.Tests.Infrastructure.Processes;

/// <summary>What the process tests ask of a running API process, as a publisher would.</summary>
public static class ProcessCalls
{
    /// <summary>Registers a strict webhook for one event pattern with a one-step retry schedule; answers its id.</summary>
    public static async Task<string> WebhookAsync(HttpClient client, string url, string events, string retry)
    {
        var response = await client.PostAsJsonAsync("/v1/webhooks", new { url, events = new[] { events }, retry = new { schedule = new[] { retry } } });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    /// <summary>A publisher's retry: the same event id until 202 (idempotent, so it is stored once).</summary>
    public static async Task<string> PublishUntilAcceptedAsync(HttpClient client, string type, string eventId, int n)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var response = await client.PostAsJsonAsync("/v1/events", new { id = eventId, type, data = new { n } });
                if (response.StatusCode == HttpStatusCode.Accepted)
                {
                    return eventId;
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
            }
            if (deadline.Elapsed > TimeSpan.FromSeconds(60))
            {
                throw new TimeoutException($"publish {eventId} not accepted within 60 s");
            }
            await Task.Delay(200);
        }
    }

    /// <summary>The event ids that reached one path of the receiver, in arrival order, repeats included.</summary>
    public static List<string> EventIds(Receiver receiver, string path) =>
        receiver.Requests.Where(r => r.Path == path).Select(r => r.Headers["webhook-id"]).ToList();
}
