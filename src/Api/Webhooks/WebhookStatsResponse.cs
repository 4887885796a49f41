using Herald.Grains.Storage;

namespace Herald.Api.Webhooks;

/// <summary>
/// <c>GET /v1/webhooks/{id}/stats</c>: attempts over the last hour and day (from the attempt log, test sends included),
/// the latest success and failure, and the queue: deliveries pending or held, and the age of the oldest (null when none).
/// </summary>
public sealed record WebhookStatsResponse(
    OutcomeCounts LastHour,
    OutcomeCounts LastDay,
    DateTimeOffset? LastSuccessAt,
    DateTimeOffset? LastFailureAt,
    long QueueDepth,
    long? OldestPendingAgeSeconds)
{
    public static WebhookStatsResponse From(WebhookStats s, DateTimeOffset now) => new(
        OutcomeCounts.Of(s.SucceededLastHour, s.FailedLastHour),
        OutcomeCounts.Of(s.SucceededLastDay, s.FailedLastDay),
        s.LastSuccessAt,
        s.LastFailureAt,
        s.QueueDepth,
        s.OldestPendingAt is { } oldest ? Math.Max(0, (long)(now - oldest).TotalSeconds) : null);
}
