namespace Herald.Api.Webhooks;

/// <summary>
/// <c>{"since": "2026-11-23T10:00:00Z", "until": "2026-11-23T12:00:00Z"}</c>: re-queue the failed deliveries created in
/// [since, until); without <c>until</c>, every one since then.
/// </summary>
public sealed record RecoverRequest(DateTimeOffset? Since, DateTimeOffset? Until);
