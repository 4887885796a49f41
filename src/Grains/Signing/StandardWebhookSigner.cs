using Herald.Verification;

namespace Herald.Grains.Signing;

/// <summary>
/// Standard Webhooks signatures (standardwebhooks.com): <c>v1,</c> + base64(HMAC-SHA256(key, "{id}.{timestamp}.{body}")),
/// computed by the receiver library's code, so that what Herald sends and what receivers check cannot drift apart.
/// </summary>
public static class StandardWebhookSigner
{
    public const string IdHeader = StandardWebhookVerifier.IdHeader;
    public const string TimestampHeader = StandardWebhookVerifier.TimestampHeader;
    public const string SignatureHeader = StandardWebhookVerifier.SignatureHeader;

    public static string Sign(byte[] key, string messageId, long unixSeconds, ReadOnlySpan<byte> body) =>
        WebhookSignature.Standard(key, messageId, unixSeconds, body);
}
