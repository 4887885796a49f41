namespace Herald.Api.Webhooks;

/// <summary>How many failed deliveries matched when the bulk retry was accepted; they are queued again in the background.</summary>
public sealed record BulkRetryResponse(int Matched);
