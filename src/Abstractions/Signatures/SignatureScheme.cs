namespace Herald.Abstractions.Signatures;

public enum SignatureScheme
{
    /// <summary>standardwebhooks.com: <c>webhook-id</c>, <c>webhook-timestamp</c>, <c>webhook-signature: v1,…</c>.</summary>
    StandardWebhooks = 0,

    /// <summary>A custom HMAC-SHA256 profile: header, encoding, prefix and signed content as configured.</summary>
    HmacSha256 = 1,
}
