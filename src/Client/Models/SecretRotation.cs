namespace Herald.Client.Models;

/// <summary>A webhook's new signing secret (shown this once) and when the previous one stops signing.</summary>
public sealed record SecretRotation : ApiObject
{
    [Credential]
    public required string Secret { get; init; }
    public DateTimeOffset PreviousExpiresAt { get; init; }
}
