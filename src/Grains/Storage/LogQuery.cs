namespace Herald.Grains.Storage;

/// <summary>
/// A page of a webhook's deliveries or attempts: the filters of <c>GET /v1/webhooks/{id}/deliveries</c> and
/// <c>/attempts</c> (each null when not given; <see cref="EventType"/> a valid pattern), then the page's place.
/// </summary>
public sealed record LogQuery(
    string EndpointId,
    string? Status,
    string? EventType,
    string? EventId,
    DateTimeOffset? Since,
    DateTimeOffset? Until,
    int Limit,
    KeysetCursor? Cursor);
