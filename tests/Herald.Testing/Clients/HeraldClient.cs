using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Herald.Testing.Clients;

/// <summary>Herald's REST API as the bench and the reliability suite use it: setup calls with the admin key, publishes with an account key.</summary>
public sealed class HeraldClient(HttpClient http, string adminKey)
{
    public HttpClient Http => http;

    public async Task<(string Id, string ApiKey)> CreateAccountAsync(string name, JsonObject? settings = null)
    {
        var body = settings ?? [];
        body["name"] = name;
        var created = await SendAsync(HttpMethod.Post, "/v1/accounts", body);
        return (created["id"]!.GetValue<string>(), created["api_key"]!.GetValue<string>());
    }

    public async Task<(string Id, string Secret)> CreateWebhookAsync(string accountId, string url, IEnumerable<string> events, JsonObject? extra = null)
    {
        var body = extra ?? [];
        body["account_id"] = accountId;
        body["url"] = url;
        body["events"] = new JsonArray([.. events.Select(e => JsonValue.Create(e))]);
        var created = await SendAsync(HttpMethod.Post, "/v1/webhooks", body);
        return (created["id"]!.GetValue<string>(), created["secret"]!.GetValue<string>());
    }

    public Task DisableAsync(string webhookId) => SendAsync(HttpMethod.Post, $"/v1/webhooks/{webhookId}/disable", null);

    public Task EnableAsync(string webhookId) => SendAsync(HttpMethod.Post, $"/v1/webhooks/{webhookId}/enable", null);

    /// <summary>One publish as a platform sends it: the account's key, a prepared JSON body; true on 202.</summary>
    /// <summary>
    /// The managed heap as of Herald's last garbage collection (<c>dotnet_gc_last_collection_heap_size_bytes</c> of
    /// every generation, from /metrics): what live objects hold, without the garbage and reserve a working set counts.
    /// </summary>
    public async Task<long> ManagedHeapAsync()
    {
        const string metric = "dotnet_gc_last_collection_heap_size_bytes";
        var text = await http.GetStringAsync("/metrics");
        return text.Split('\n')
            .Where(line => line.StartsWith(metric, StringComparison.Ordinal))
            .Sum(line => (long)double.Parse(line[(line.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture));
    }

    public async Task<bool> PublishAsync(string accountKey, byte[] body, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/events") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = Json;
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accountKey);
        using var response = await http.SendAsync(request, cancellationToken);
        return response.StatusCode == System.Net.HttpStatusCode.Accepted;
    }

    private static readonly MediaTypeHeaderValue Json = new("application/json");

    private async Task<JsonNode> SendAsync(HttpMethod method, string path, JsonObject? body)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var request = new HttpRequestMessage(method, path);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", adminKey);
            if (body is not null)
            {
                request.Content = JsonContent.Create(body);
            }
            using var response = await http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            if (response.IsSuccessStatusCode)
            {
                return JsonNode.Parse(text.Length == 0 ? "{}" : text)!;
            }
            // Setup calls are retried a few times on server errors only (a busy silo may time a grain call out).
            if ((int)response.StatusCode < 500 || attempt == 3)
            {
                throw new InvalidOperationException($"{method} {path} answered {(int)response.StatusCode}: {text}");
            }
            await Task.Delay(500 * attempt);
        }
    }
}
