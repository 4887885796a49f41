namespace Herald.Api.Webhooks;

public sealed record CreateWebhookRequest(
    string? Url,
    List<string>? Events,
    string? Source,
    string? Description,
    string? Secret,
    SignatureRequest? Signature,
    RetryRequest? Retry,
    int? TimeoutSeconds,
    string? Ordering,
    int? MaxInFlight,
    int? RateLimit,
    Dictionary<string, string>? Headers,
    string? AccountId);
