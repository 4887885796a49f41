namespace Herald.Api.Webhooks;

/// <summary>The signature profile. Only <c>standard-webhooks</c> is served so far; custom HMAC profiles are refused with 422.</summary>
public sealed record SignatureRequest(
    string? Scheme,
    string? Header,
    string? Encoding,
    string? Prefix,
    string? SignedContent,
    string? TimestampHeader,
    string? EventHeader,
    string? IdHeader);
