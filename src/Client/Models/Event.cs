using System.Text.Json;

namespace Herald.Client.Models;

/// <summary>An event; <see cref="Data"/> and <see cref="Deliveries"/> when read by its id.</summary>
public sealed record Event : ApiObject
{
    public required string Id { get; init; }
    public required string Type { get; init; }
    public string? Source { get; init; }
    public DateTimeOffset? Timestamp { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public int Endpoints { get; init; }
    public JsonElement? Data { get; init; }
    public IReadOnlyList<EventDelivery>? Deliveries { get; init; }
}
