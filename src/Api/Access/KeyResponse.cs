using System.Text.Json.Serialization;

namespace Herald.Api.Access;

/// <summary>An account key; <see cref="ApiKey"/> is present only in the answer to its creation.</summary>
public sealed record KeyResponse(
    string Id,
    string Name,
    IReadOnlyList<string> Scopes,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ApiKey,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ExpiresAt);
