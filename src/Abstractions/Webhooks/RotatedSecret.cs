namespace Herald.Abstractions.Webhooks;

/// <summary>The answer to a rotation: the new secret (shown this once) and when the previous one stops signing.</summary>
[GenerateSerializer, Immutable, Alias("herald.rotated-secret")]
public sealed record RotatedSecret(
    [property: Id(0)] string Secret,
    [property: Id(1)] DateTimeOffset PreviousExpiresAt)
{
    public override string ToString() => $"RotatedSecret {{ Secret = ***, PreviousExpiresAt = {PreviousExpiresAt:O} }}";
}
