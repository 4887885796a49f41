using System.Globalization;
using System.Security.Cryptography;

namespace Herald.Verification;

/// <summary>
/// Computes the signatures Herald sends. Herald signs with these same functions, so a receiver using this library
/// computes exactly what was sent.
/// </summary>
public static class WebhookSignature
{
    /// <summary>The prefix of a Standard Webhooks secret; the rest is the base64 of the key.</summary>
    public const string StandardSecretPrefix = "whsec_";

    /// <summary>Standard Webhooks: <c>v1,</c> + base64(HMAC-SHA256(key, "{id}.{timestamp}.{body}")).</summary>
    public static string Standard(ReadOnlySpan<byte> key, string id, long timestamp, ReadOnlySpan<byte> body) =>
        "v1," + Convert.ToBase64String(Mac(key, SignedContent.IdTimestampBody, id, timestamp, body));

    /// <summary>A custom profile's signature header value: the prefix, then the encoded HMAC-SHA256 of the signed content.</summary>
    public static string Hmac(ReadOnlySpan<byte> key, HmacProfile profile, string id, long timestamp, ReadOnlySpan<byte> body)
    {
        var mac = Mac(key, profile.SignedContent, id, timestamp, body);
        var encoded = profile.Encoding == SignatureEncoding.Hex ? Convert.ToHexStringLower(mac) : Convert.ToBase64String(mac);
        return profile.Prefix + encoded;
    }

    /// <summary>The HMAC key of a Standard Webhooks secret: the base64-decoded part after <c>whsec_</c> (the prefix is optional).</summary>
    /// <exception cref="FormatException">The secret is not base64 after its prefix.</exception>
    public static byte[] StandardKey(string secret) =>
        Convert.FromBase64String(secret.StartsWith(StandardSecretPrefix, StringComparison.Ordinal) ? secret[StandardSecretPrefix.Length..] : secret);

    /// <summary>The HMAC key of a custom profile's secret: its UTF-8 bytes, as the seed platforms' sample code uses it.</summary>
    public static byte[] HmacKey(string secret) => System.Text.Encoding.UTF8.GetBytes(secret);

    /// <summary>HMAC-SHA256 over the signed content, streamed so that the body is never copied.</summary>
    internal static byte[] Mac(ReadOnlySpan<byte> key, SignedContent content, string id, long timestamp, ReadOnlySpan<byte> body)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);
        var prefix = content switch
        {
            SignedContent.Body => "",
            SignedContent.TimestampBody => string.Create(CultureInfo.InvariantCulture, $"{timestamp}."),
            _ => string.Create(CultureInfo.InvariantCulture, $"{id}.{timestamp}."),
        };
        hmac.AppendData(System.Text.Encoding.UTF8.GetBytes(prefix));
        hmac.AppendData(body);
        return hmac.GetHashAndReset();
    }
}
