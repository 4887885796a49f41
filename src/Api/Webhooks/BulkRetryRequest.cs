namespace Herald.Api.Webhooks;

/// <summary>
/// The body of <c>POST /v1/webhooks/{id}/deliveries/retry</c>: which failed deliveries to queue again. <c>status</c>
/// is <c>failed</c> (the only value for now, and the default); <c>event_type</c> is exact; <c>since</c> is inclusive
/// and <c>until</c> exclusive, on the deliveries' creation time.
/// </summary>
public sealed record BulkRetryRequest(string? Status, string? EventType, DateTimeOffset? Since, DateTimeOffset? Until);
