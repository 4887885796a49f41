using System.Text.Json;
using System.Text.Json.Serialization;

namespace Herald.Client.Models;

/// <summary>An account and its defaults; <see cref="ApiKey"/> only in the answer to its creation.</summary>
public sealed record Account : ApiObject
{
    public required string Id { get; init; }
    public string? Name { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public JsonElement? Retry { get; init; }
    public int? TimeoutSeconds { get; init; }
    public string? OnExhausted { get; init; }
    public int? DisableAfter { get; init; }
    public string? NotifyEmail { get; init; }
    [Credential]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ApiKey { get; init; }
}
