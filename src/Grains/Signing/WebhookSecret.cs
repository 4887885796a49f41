using System.Security.Cryptography;

namespace Herald.Grains.Signing;

/// <summary>Standard Webhooks secrets: <c>whsec_</c> followed by the base64 of the key bytes.</summary>
public static class WebhookSecret
{
    public const string Prefix = "whsec_";
    private const int GeneratedKeyBytes = 32;

    public static string Generate() => Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(GeneratedKeyBytes));

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
}
