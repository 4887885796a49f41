using System.Text.Json;
using System.Text.Json.Serialization;

namespace Herald.Client;

/// <summary>Reads and writes a <see cref="TimeSpan"/> as Herald writes durations (<see cref="Duration"/>).</summary>
public sealed class DurationJsonConverter : JsonConverter<TimeSpan>
{
    public override TimeSpan Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Duration.TryParse(reader.GetString(), out var value) ? value : throw new JsonException($"'{reader.GetString()}' is not a duration.");

    public override void Write(Utf8JsonWriter writer, TimeSpan value, JsonSerializerOptions options) => writer.WriteStringValue(Duration.Format(value));
}
