using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Herald.Testing.Signatures;

/// <summary>
/// Standard Webhooks signing and verification (standardwebhooks.com), written here from the specification rather
/// than taken from Herald, so the receiver checks Herald's signatures independently.
/// </summary>
public static class StandardWebhooks
{
    public static byte[] DecodeSecret(string secret) =>
        Convert.FromBase64String(secret.StartsWith("whsec_", StringComparison.Ordinal) ? secret["whsec_".Length..] : secret);

    public static string Sign(byte[] key, string id, long timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{id}.{timestamp}."));
        var content = new byte[prefix.Length + body.Length];
        prefix.CopyTo(content, 0);
        body.CopyTo(content.AsSpan(prefix.Length));
        return "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, content));
    }

    /// <summary>True when one of the space-separated signatures is the v1 signature of id, timestamp and body.</summary>
    public static bool Verify(byte[] key, string id, string timestamp, string signatures, ReadOnlySpan<byte> body)
    {
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return false;
        }
        var expected = Encoding.ASCII.GetBytes(Sign(key, id, seconds, body));
        foreach (var candidate in signatures.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(candidate), expected))
            {
                return true;
            }
        }
        return false;
    }
}
