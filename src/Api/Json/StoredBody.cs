using System.Text.Json;

namespace Herald.Api.Json;

/// <summary>A stored body (an event's, as it is sent) shown as JSON in an answer.</summary>
public static class StoredBody
{
    /// <summary>The body as a JSON value; null when there is none or it is not JSON (Herald stores only JSON objects).</summary>
    public static JsonElement? Parse(byte[]? body) => body is null ? null : Parse(body.AsMemory());

    /// <summary>Stored JSON text (an attempt's request headers) as a JSON value; null when there is none.</summary>
    public static JsonElement? Parse(string? json) => json is null ? null : Parse(System.Text.Encoding.UTF8.GetBytes(json).AsMemory());

    private static JsonElement? Parse(ReadOnlyMemory<byte> body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
