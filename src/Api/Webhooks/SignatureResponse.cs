using System.Text.Json.Serialization;
using Herald.Abstractions.Signatures;

namespace Herald.Api.Webhooks;

/// <summary>A signature profile as the API shows it: the scheme, and for custom profiles the fields that are set.</summary>
public sealed record SignatureResponse(
    string Scheme,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Header,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Encoding,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Prefix,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? SignedContent,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? TimestampHeader,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? EventHeader,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? IdHeader)
{
    public static SignatureResponse From(SignatureProfile profile) => profile.Scheme == SignatureScheme.StandardWebhooks
        ? new(SignatureNames.Name(SignatureNames.Schemes, profile.Scheme), null, null, null, null, null, null, null)
        : new(SignatureNames.Name(SignatureNames.Schemes, profile.Scheme), profile.Header,
            SignatureNames.Name(SignatureNames.Encodings, profile.Encoding), profile.Prefix,
            SignatureNames.Name(SignatureNames.Contents, profile.SignedContent), profile.TimestampHeader, profile.EventHeader,
            profile.IdHeader);
}
