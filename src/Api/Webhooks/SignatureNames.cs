using Herald.Abstractions.Signatures;
using Herald.Verification;

namespace Herald.Api.Webhooks;

/// <summary>The API's names for signature schemes, encodings and signed contents, both ways.</summary>
public static class SignatureNames
{
    public static readonly IReadOnlyDictionary<string, SignatureScheme> Schemes = new Dictionary<string, SignatureScheme>
    {
        ["standard-webhooks"] = SignatureScheme.StandardWebhooks,
        ["hmac-sha256"] = SignatureScheme.HmacSha256,
    };

    public static readonly IReadOnlyDictionary<string, SignatureEncoding> Encodings = new Dictionary<string, SignatureEncoding>
    {
        ["hex"] = SignatureEncoding.Hex,
        ["base64"] = SignatureEncoding.Base64,
    };

    public static readonly IReadOnlyDictionary<string, SignedContent> Contents = new Dictionary<string, SignedContent>
    {
        ["body"] = SignedContent.Body,
        ["timestamp.body"] = SignedContent.TimestampBody,
        ["id.timestamp.body"] = SignedContent.IdTimestampBody,
    };

    public static string Name<T>(IReadOnlyDictionary<string, T> names, T value) where T : struct, Enum =>
        names.First(n => EqualityComparer<T>.Default.Equals(n.Value, value)).Key;

    /// <summary>"a", "b" or "c", for error messages.</summary>
    public static string Choices<T>(IReadOnlyDictionary<string, T> names) =>
        string.Join(", ", names.Keys.Select(k => $"\"{k}\"").SkipLast(1)) + $" or \"{names.Keys.Last()}\"";
}
