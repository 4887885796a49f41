using Herald.Grains.Storage;

namespace Herald.Api.Events;

/// <summary>
/// A row of <c>GET /v1/events</c>. <c>timestamp</c> is the event's time (the envelope's <c>timestamp</c>), <c>created_at</c>
/// when Herald stored it: both are the time of the publish today.
/// </summary>
public sealed record EventSummaryResponse(string Id, string Type, string? Source, DateTimeOffset Timestamp, DateTimeOffset CreatedAt, int Endpoints)
{
    public static EventSummaryResponse From(EventSummary e) => new(e.EventId, e.Type, e.Source, e.CreatedAt, e.CreatedAt, e.EndpointCount);
}
