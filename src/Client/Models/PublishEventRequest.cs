using System.Text.Json.Nodes;

namespace Herald.Client.Models;

/// <summary>
/// The body of <c>POST /v1/events</c>: <see cref="Data"/> (wrapped in Herald's envelope) or <see cref="Payload"/>
/// (delivered byte for byte). With no <see cref="Id"/>, the client gives it one, so that sending it again is safe.
/// </summary>
public sealed record PublishEventRequest(string Type)
{
    public string? Id { get; init; }
    public string? Source { get; init; }
    public JsonNode? Data { get; init; }
    public JsonNode? Payload { get; init; }

    /// <summary>The account an admin key publishes for.</summary>
    public string? AccountId { get; init; }
}
