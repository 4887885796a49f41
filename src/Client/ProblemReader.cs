using System.Net;
using System.Text.Json;

namespace Herald.Client;

/// <summary>Turns an error answer into a <see cref="HeraldApiException"/>, whether or not its body is a problem.</summary>
internal static class ProblemReader
{
    public static async Task<HeraldApiException> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        var retryAfter = RetryAfter(response);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            return new HeraldApiException(status, Text(root, "code") ?? Fallback(response.StatusCode), Text(root, "title"), Text(root, "detail"),
                Errors(root), Text(root, "trace_id"), retryAfter);
        }
        catch (JsonException)
        {
            return new HeraldApiException(status, Fallback(response.StatusCode), response.ReasonPhrase, body.Length > 0 ? body : null,
                new Dictionary<string, string[]>(), null, retryAfter);
        }
    }

    public static TimeSpan? RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - DateTimeOffset.UtcNow,
        _ => null,
    };

    private static string? Text(JsonElement root, string name) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static Dictionary<string, string[]> Errors(JsonElement root)
    {
        var errors = new Dictionary<string, string[]>();
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("errors", out var fields) && fields.ValueKind == JsonValueKind.Object)
        {
            foreach (var field in fields.EnumerateObject())
            {
                errors[field.Name] = field.Value.ValueKind == JsonValueKind.Array
                    ? field.Value.EnumerateArray().Select(m => m.ToString()).ToArray()
                    : [field.Value.ToString()];
            }
        }
        return errors;
    }

    // A non-problem error answer (a proxy's page) gets the code Herald would give its status.
    private static string Fallback(HttpStatusCode status) => status switch
    {
        HttpStatusCode.TooManyRequests => "rate_limited",
        HttpStatusCode.ServiceUnavailable => "service_unavailable",
        HttpStatusCode.NotFound => "not_found",
        HttpStatusCode.Unauthorized => "unauthorized",
        HttpStatusCode.Forbidden => "forbidden",
        _ => "http_" + ((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
