namespace Herald.Client.Models;

/// <summary>An account's new key (shown this once) and when the previous one stops working.</summary>
public sealed record KeyRotation : ApiObject
{
    [Credential]
    public required string ApiKey { get; init; }
    public DateTimeOffset? PreviousExpiresAt { get; init; }
}
