using System.Text.Json.Serialization;

namespace Herald.Api.Json;

/// <summary>
/// A request field that tells "absent" (<see cref="IsSet"/> false: keep the current value) from an explicit
/// <c>null</c> (set, <see cref="Value"/> null: clear it). A value of the wrong JSON type is a 400, as for any field.
/// </summary>
[JsonConverter(typeof(OptionalConverterFactory))]
public readonly record struct Optional<T>(T? Value)
{
    public bool IsSet { get; } = true;
}
