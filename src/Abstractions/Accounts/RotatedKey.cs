namespace Herald.Abstractions.Accounts;

/// <summary>An account's new API key, shown this once; the previous keys stop working at <see cref="PreviousExpiresAt"/> (null: at once).</summary>
[GenerateSerializer, Immutable, Alias("herald.rotated-key")]
public sealed record RotatedKey(
    [property: Id(0)] string ApiKey,
    [property: Id(1)] DateTimeOffset? PreviousExpiresAt)
{
    public override string ToString() => $"RotatedKey {{ ApiKey = ***, PreviousExpiresAt = {PreviousExpiresAt:O} }}";
}
