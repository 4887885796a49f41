namespace Herald.Api.Webhooks;

/// <summary><c>{"since": "2026-11-23T10:00:00Z"}</c>: re-queue the failed deliveries created since then.</summary>
public sealed record RecoverRequest(DateTimeOffset? Since);
