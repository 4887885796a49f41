namespace Herald.Api.Webhooks;

/// <summary>The fields of a webhook's registration that a change may send too: all but <c>secret</c> and <c>account_id</c>.</summary>
public abstract record WebhookFields
{
    public string? Url { get; init; }
    public List<string>? Events { get; init; }
    public string? Source { get; init; }
    public string? Description { get; init; }
    public SignatureRequest? Signature { get; init; }
    public RetryRequest? Retry { get; init; }
    public int? TimeoutSeconds { get; init; }
    public string? Ordering { get; init; }
    public int? MaxInFlight { get; init; }
    public int? RateLimit { get; init; }
    public Dictionary<string, string>? Headers { get; init; }
}
