using System.Security.Cryptography;
using Herald.Abstractions.Signatures;
using Herald.Verification;

namespace Herald.Grains.Signing;

/// <summary>
/// Signing secrets. Standard Webhooks: <c>whsec_</c> + the base64 of the key bytes (24–64 when supplied, 32 when
/// generated). Custom HMAC profiles: a string whose UTF-8 bytes are the key (16–256 printable characters when
/// supplied; 43 URL-safe characters, 256 random bits, when generated).
/// </summary>
public static class WebhookSecret
{
    public const string Prefix = WebhookSignature.StandardSecretPrefix;
    public const int MinCustomLength = 16;
    public const int MaxCustomLength = 256;
    private const int GeneratedKeyBytes = 32;

    public static string Generate() => Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(GeneratedKeyBytes));

    public static string Generate(SignatureScheme scheme) => scheme == SignatureScheme.StandardWebhooks
        ? Generate()
        : Convert.ToBase64String(RandomNumberGenerator.GetBytes(GeneratedKeyBytes)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static bool IsValid(SignatureScheme scheme, string secret) => scheme == SignatureScheme.StandardWebhooks
        ? TryDecodeKey(secret) is not null
        : IsValidCustom(secret);

    /// <summary>The HMAC key a secret stands for under a scheme.</summary>
    public static byte[] Key(SignatureScheme scheme, string secret) => scheme == SignatureScheme.StandardWebhooks
        ? TryDecodeKey(secret) ?? throw new ArgumentException("Not a Standard Webhooks secret.", nameof(secret))
        : WebhookSignature.HmacKey(secret);

    /// <summary>The HMAC key a secret stands for, or null when it is not <c>whsec_</c> + base64 of 24–64 bytes.</summary>
    public static byte[]? TryDecodeKey(string secret)
    {
        if (!secret.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }
        var encoded = secret[Prefix.Length..];
        var buffer = new byte[(encoded.Length * 3 / 4) + 3];
        if (!Convert.TryFromBase64String(encoded, buffer, out var written) || written is < 24 or > 64)
        {
            return null;
        }
        return buffer[..written];
    }

    /// <summary>16–256 characters, none of them a control character, no surrounding spaces, well-formed UTF-16.</summary>
    private static bool IsValidCustom(string secret) =>
        secret.Length is >= MinCustomLength and <= MaxCustomLength
        && secret.Trim().Length == secret.Length
        && !secret.Any(char.IsControl)
        && !HasLoneSurrogate(secret);

    private static bool HasLoneSurrogate(string s)
    {
        for (var i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(s[i]))
            {
                return true;
            }
        }
        return false;
    }
}
