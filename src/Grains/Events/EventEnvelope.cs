using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Herald.Grains.Events;

/// <summary>Writes Herald's envelope <c>{"id","type","timestamp","data"}</c>, compact.</summary>
public static class EventEnvelope
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = false };

    public static byte[] Write(string id, string type, DateTimeOffset timestamp, JsonElement data)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("id", id);
            writer.WriteString("type", type);
            writer.WriteString("timestamp", timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture));
            writer.WritePropertyName("data");
            data.WriteTo(writer);
            writer.WriteEndObject();
        }
        return buffer.ToArray();
    }

    /// <summary>A <c>payload</c> is sent as the publisher wrote it: the exact characters of that JSON value in the request.</summary>
    public static byte[] Raw(JsonElement payload) => Encoding.UTF8.GetBytes(payload.GetRawText());
}
