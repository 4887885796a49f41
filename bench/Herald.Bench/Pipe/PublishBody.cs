using System.Text.Json;
using Herald.Bench.Infrastructure;

namespace Herald.Bench.Pipe;

/// <summary>
/// The pipe server's reading of a publish (the body the bench sends Herald's <c>POST /v1/events</c>): a JSON object
/// with a non-empty string <c>type</c> and <c>id</c> and an object <c>data</c>; it becomes the envelope Herald would store.
/// </summary>
public static class PublishBody
{
    /// <summary>The event to store and send, or null when the body is not a valid publish.</summary>
    public static EventRow? Read(ReadOnlyMemory<byte> body, DateTimeOffset now)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object
                && root.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() is { Length: > 0 } eventType
                && root.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String && id.GetString() is { Length: > 0 } eventId
                && root.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object)
            {
                return new EventRow(eventId, eventType, Payloads.Envelope(eventType, eventId, data.GetRawText(), now));
            }
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
