using System.Text.Json;
using System.Text.Json.Serialization;

namespace Herald.Client;

/// <summary>Herald's JSON: snake_case, durations as <c>10s</c>; a request leaves out what it does not set.</summary>
public static class HeraldJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new DurationJsonConverter() },
    };
}
