using Herald.Verification;

namespace Herald.Grains.Signing;

/// <summary>
/// The header names of Standard Webhooks signatures (standardwebhooks.com), taken from the receiver library, so that
/// what Herald sends and what receivers check cannot drift apart; <see cref="DeliverySigner"/> signs with the same
/// library's <see cref="WebhookSignature.Standard"/>.
/// </summary>
public static class StandardWebhookSigner
{
    public const string IdHeader = StandardWebhookVerifier.IdHeader;
    public const string TimestampHeader = StandardWebhookVerifier.TimestampHeader;
    public const string SignatureHeader = StandardWebhookVerifier.SignatureHeader;
}
