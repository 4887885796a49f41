using Herald.Verification;

namespace Herald.Abstractions.Signatures;

/// <summary>
/// How deliveries are signed. <see cref="SignatureScheme.StandardWebhooks"/> uses none of the other fields;
/// <see cref="SignatureScheme.HmacSha256"/> needs <see cref="Header"/> and uses the rest as configured.
/// </summary>
[GenerateSerializer, Immutable, Alias("herald.signature-profile")]
public sealed record SignatureProfile
{
    public static SignatureProfile StandardWebhooks { get; } = new();

    [Id(0)] public SignatureScheme Scheme { get; init; } = SignatureScheme.StandardWebhooks;
    [Id(1)] public string? Header { get; init; }
    [Id(2)] public SignatureEncoding Encoding { get; init; } = SignatureEncoding.Hex;
    [Id(3)] public string? Prefix { get; init; }
    [Id(4)] public SignedContent SignedContent { get; init; } = SignedContent.Body;
    [Id(5)] public string? TimestampHeader { get; init; }
    [Id(6)] public string? EventHeader { get; init; }
    [Id(7)] public string? IdHeader { get; init; }

    /// <summary>The receiver library's view of a custom profile; null for Standard Webhooks.</summary>
    public HmacProfile? ToHmacProfile() => Scheme == SignatureScheme.HmacSha256
        ? new HmacProfile(Header!)
        {
            Encoding = Encoding,
            Prefix = Prefix,
            SignedContent = SignedContent,
            TimestampHeader = TimestampHeader,
            IdHeader = IdHeader,
        }
        : null;
}
