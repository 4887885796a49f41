using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Herald.Tests.Infrastructure;

namespace Herald.Tests.Signatures;

/// <summary>Calls of Herald's REST API that the signature tests make over and over.</summary>
public static class ApiCalls
{
    /// <summary>Sends a JSON body (an object to serialise, or a JSON text sent as is) and returns the status and answer.</summary>
    public static async Task<(HttpStatusCode Status, JsonElement Body, string Text)> SendAsync(
        this HttpClient client, HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path)
        {
            Content = body switch
            {
                null => null,
                string json => new StringContent(json, Encoding.UTF8, "application/json"),
                _ => JsonContent.Create(body),
            },
        };
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone(), text);
    }

    /// <summary>Registers a webhook; returns its id and secret (and fails the test unless the answer is 201).</summary>
    public static async Task<(string Id, string Secret, JsonElement Webhook)> CreateWebhookAsync(this HttpClient client, object body)
    {
        var (status, webhook, text) = await client.SendAsync(HttpMethod.Post, "/v1/webhooks", body);
        Assert.True(status == HttpStatusCode.Created, text);
        return (webhook.GetProperty("id").GetString()!, webhook.GetProperty("secret").GetString()!, webhook);
    }

    /// <summary>Publishes an event (a JSON text keeps its exact bytes) and waits until the receiver has its delivery.</summary>
    public static async Task<ReceivedRequest> PublishAndReceiveAsync(this HttpClient client, Receiver receiver, object body, string? idHeader = null)
    {
        var (status, accepted, text) = await client.SendAsync(HttpMethod.Post, "/v1/events", body);
        Assert.True(status == HttpStatusCode.Accepted, text);
        var eventId = accepted.GetProperty("id").GetString()!;
        var header = (idHeader ?? "webhook-id").ToLowerInvariant();
        var requests = await Eventually.ReturnsAsync(() => receiver.Requests,
            r => r.Any(x => x.Headers.GetValueOrDefault(header) == eventId), what: $"delivery of {eventId}");
        return requests.First(x => x.Headers.GetValueOrDefault(header) == eventId);
    }
}
