using System.Net.Http.Json;
using System.Text;
using Herald.Api.Idempotency;
using Microsoft.AspNetCore.Http;

namespace Herald.Tests.Api.Conventions;

/// <summary>Requests sent with an <c>Idempotency-Key</c>, and the fingerprint Herald takes of them.</summary>
public static class IdempotentCalls
{
    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string key, object body) =>
        SendAsync(client, path, key, JsonContent.Create(body));

    /// <summary>A POST of exactly <paramref name="json"/>.</summary>
    public static Task<HttpResponseMessage> PostTextAsync(HttpClient client, string path, string key, string json) =>
        SendAsync(client, path, key, new StringContent(json, Encoding.UTF8, "application/json"));

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string path, string key, HttpContent content)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        request.Headers.TryAddWithoutValidation(IdempotencyKey.Header, key);
        return client.SendAsync(request);
    }

    /// <summary>What Herald's own fingerprint of a POST of <paramref name="json"/> to <paramref name="path"/> is.</summary>
    public static async Task<byte[]> FingerprintAsync(string path, string json)
    {
        var http = new DefaultHttpContext();
        http.Request.Method = "POST";
        http.Request.Path = path;
        http.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(json));
        return (await IdempotencyKey.FingerprintAsync(http.Request, 1 << 20))!;
    }

    public static bool Replayed(HttpResponseMessage response) =>
        response.Headers.TryGetValues(StoredAnswer.ReplayedHeader, out var values) && values.Single() == "true";
}
