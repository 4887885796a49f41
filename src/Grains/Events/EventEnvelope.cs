using System.Buffers;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using Herald.Grains.Payloads;

namespace Herald.Grains.Events;

/// <summary>
/// Writes Herald's envelope <c>{"id","type","timestamp","data"}</c> exactly as <c>JSON.stringify</c> would write
/// it, so receivers that verify by re-serialising the parsed body compute the signed bytes.
/// </summary>
public static class EventEnvelope
{
    public static byte[] Write(string id, string type, DateTimeOffset timestamp, JsonElement data)
    {
        var output = new ArrayBufferWriter<byte>();
        EcmaJson.WriteRaw(output, "{\"id\":");
        EcmaJson.WriteString(output, id);
        EcmaJson.WriteRaw(output, ",\"type\":");
        EcmaJson.WriteString(output, type);
        EcmaJson.WriteRaw(output, ",\"timestamp\":");
        // Date.prototype.toISOString's form.
        EcmaJson.WriteString(output, timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
        EcmaJson.WriteRaw(output, ",\"data\":");
        output.Write(EcmaJson.Canonicalize(JsonMarshal.GetRawUtf8Value(data)));
        EcmaJson.WriteRaw(output, "}");
        return output.WrittenSpan.ToArray();
    }

    /// <summary>A <c>payload</c> is sent as the publisher wrote it: the exact characters of that JSON value in the request.</summary>
    public static byte[] Raw(JsonElement payload) => Encoding.UTF8.GetBytes(payload.GetRawText());
}
