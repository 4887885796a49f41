namespace Herald.Verification;

/// <summary>
/// A custom HMAC-SHA256 signature profile, as configured on the webhook in Herald (<c>"scheme": "hmac-sha256"</c>).
/// The key is the secret string's UTF-8 bytes.
/// </summary>
/// <param name="Header">The header that carries the signature, e.g. <c>X-Hostwares-Signature</c>.</param>
public sealed record HmacProfile(string Header)
{
    /// <summary>The id header Herald uses when a profile names none.</summary>
    public const string DefaultIdHeader = "Herald-Event-Id";

    /// <summary>The suffix of the header that carries the previous secret's signature during a rotation's grace period.</summary>
    public const string PreviousHeaderSuffix = "-Previous";

    public SignatureEncoding Encoding { get; init; } = SignatureEncoding.Hex;

    /// <summary>Text written before the encoded digest, e.g. <c>sha256=</c>.</summary>
    public string? Prefix { get; init; }

    public SignedContent SignedContent { get; init; } = SignedContent.Body;

    /// <summary>The header with the Unix-seconds timestamp; required when <see cref="SignedContent"/> includes it.</summary>
    public string? TimestampHeader { get; init; }

    /// <summary>The header with the event id; <see cref="DefaultIdHeader"/> when null.</summary>
    public string? IdHeader { get; init; }

    /// <summary>The header that carries the event id.</summary>
    public string EventIdHeader => IdHeader ?? DefaultIdHeader;

    /// <summary>During a rotation's grace period, the previous secret's signature arrives in this header.</summary>
    public string PreviousHeader => Header + PreviousHeaderSuffix;
}
