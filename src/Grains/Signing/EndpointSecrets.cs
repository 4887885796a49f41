using Herald.Abstractions.Signatures;
using Herald.Abstractions.Webhooks;
using Herald.Grains.Endpoints;
using Herald.Grains.Secrets;

namespace Herald.Grains.Signing;

/// <summary>
/// An endpoint's signing secrets: issued at creation, replaced by rotation, always kept sealed in its state and opened
/// only to sign. The plain secret leaves Herald only in the answers to creation and rotation.
/// </summary>
public sealed class EndpointSecrets(SecretProtector protector, TimeProvider time)
{
    /// <summary>Seals the supplied secret, or a generated one, into the endpoint; returns it in plain text for the caller.</summary>
    public string Issue(string endpointId, EndpointState endpoint, string? supplied)
    {
        var secret = Checked(endpoint, supplied);
        endpoint.SealedSecret = protector.Seal(endpointId, secret);
        return secret;
    }

    /// <summary>
    /// Makes a new secret current; the replaced one keeps signing until the grace period ends. Only the secret being
    /// replaced stays valid: one left over from an earlier rotation lapses now.
    /// </summary>
    public RotatedSecret Rotate(string endpointId, EndpointState endpoint, string? supplied, TimeSpan gracePeriod)
    {
        var secret = Checked(endpoint, supplied);
        var expiresAt = time.GetUtcNow() + gracePeriod;
        var keepPrevious = gracePeriod > TimeSpan.Zero;
        endpoint.SealedPreviousSecret = keepPrevious ? endpoint.SealedSecret : null;
        endpoint.PreviousSecretExpiresAt = keepPrevious ? expiresAt : null;
        endpoint.SealedSecret = protector.Seal(endpointId, secret);
        return new RotatedSecret(secret, expiresAt);
    }

    /// <summary>The HMAC keys that sign at <paramref name="now"/>: the current one, then the previous one while its grace lasts.</summary>
    public List<byte[]> SigningKeys(string endpointId, EndpointState endpoint, DateTimeOffset now)
    {
        var scheme = endpoint.Signature.Scheme;
        var keys = new List<byte[]> { WebhookSecret.Key(scheme, protector.Open(endpointId, endpoint.SealedSecret)) };
        if (endpoint.SealedPreviousSecret is { } previous && endpoint.PreviousSecretExpiresAt > now)
        {
            keys.Add(WebhookSecret.Key(scheme, protector.Open(endpointId, previous)));
        }
        return keys;
    }

    /// <summary>
    /// Whether every secret that still signs (the current one, and the previous one within its grace period) is a valid
    /// secret under <paramref name="scheme"/>: a change of scheme must not leave the endpoint with a key it cannot sign with.
    /// </summary>
    public bool SuitScheme(string endpointId, EndpointState endpoint, SignatureScheme scheme)
    {
        var signing = new List<byte[]> { endpoint.SealedSecret };
        if (endpoint.SealedPreviousSecret is { } previous && endpoint.PreviousSecretExpiresAt > time.GetUtcNow())
        {
            signing.Add(previous);
        }
        return signing.All(sealedSecret => WebhookSecret.IsValid(scheme, protector.Open(endpointId, sealedSecret)));
    }

    private static string Checked(EndpointState endpoint, string? supplied)
    {
        var scheme = endpoint.Signature.Scheme;
        var secret = supplied ?? WebhookSecret.Generate(scheme);
        return WebhookSecret.IsValid(scheme, secret)
            ? secret
            : throw new ArgumentException("The secret does not suit the endpoint's signature scheme.", nameof(supplied));
    }
}
