namespace Herald.Api.Webhooks;

/// <summary>
/// A signature profile: <c>{"scheme": "standard-webhooks"}</c>, or <c>{"scheme": "hmac-sha256", "header": …}</c> with
/// the optional fields of a custom profile (encoding <c>hex</c>, signed content <c>body</c> unless given).
/// </summary>
public sealed record SignatureRequest(
    string? Scheme,
    string? Header,
    string? Encoding,
    string? Prefix,
    string? SignedContent,
    string? TimestampHeader,
    string? EventHeader,
    string? IdHeader);
