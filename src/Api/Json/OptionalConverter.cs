using System.Text.Json;
using System.Text.Json.Serialization;

namespace Herald.Api.Json;

/// <summary>Reads an <see cref="Optional{T}"/>: called only for a field that is present, null included.</summary>
public sealed class OptionalConverter<T> : JsonConverter<Optional<T>>
{
    public override bool HandleNull => true;

    public override Optional<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        // The value's own converter, not a nested Deserialize, so that an error names the field's path.
        new(reader.TokenType == JsonTokenType.Null ? default : ((JsonConverter<T>)options.GetConverter(typeof(T))).Read(ref reader, typeof(T), options));

    public override void Write(Utf8JsonWriter writer, Optional<T> value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value.Value, options);
}
