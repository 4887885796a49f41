using System.Globalization;
using System.Net.Http.Headers;
using Herald.Testing.Signatures;

namespace Herald.Bench.Infrastructure;

/// <summary>A webhook POST as Herald sends one: the JSON body, Standard Webhooks headers signed now, Herald's user agent.</summary>
public static class SignedPost
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    public static HttpRequestMessage Create(Uri url, byte[] key, string id, byte[] body)
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = Json;
        request.Headers.TryAddWithoutValidation("webhook-id", id);
        request.Headers.TryAddWithoutValidation("webhook-timestamp", timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.TryAddWithoutValidation("webhook-signature", StandardWebhooks.Sign(key, id, timestamp, body));
        request.Headers.TryAddWithoutValidation("User-Agent", "Herald-Webhooks/1.0");
        return request;
    }
}
