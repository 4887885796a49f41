using System.Security.Cryptography;

namespace Herald.Abstractions.Ids;

/// <summary>
/// Prefixed, time-sortable identifiers (<c>evt_01jx…</c>): 48 bits of Unix milliseconds then 80 random bits,
/// in lower-case Crockford base32, so ids sort by creation time as strings.
/// </summary>
public static class HeraldId
{
    private const string Alphabet = "0123456789abcdefghjkmnpqrstvwxyz";

    public static string New(string prefix, TimeProvider? time = null)
    {
        var millis = (time ?? TimeProvider.System).GetUtcNow().ToUnixTimeMilliseconds();
        Span<byte> bytes = stackalloc byte[16];
        for (var i = 5; i >= 0; i--)
        {
            bytes[i] = (byte)(millis & 0xFF);
            millis >>= 8;
        }
        RandomNumberGenerator.Fill(bytes[6..]);
        return string.Create(prefix.Length + 1 + 26, (prefix, bytes.ToArray()), static (span, s) =>
        {
            s.prefix.AsSpan().CopyTo(span);
            span[s.prefix.Length] = '_';
            var digits = span[(s.prefix.Length + 1)..];
            var value = new System.Numerics.BigInteger(s.Item2, isUnsigned: true, isBigEndian: true);
            for (var i = digits.Length - 1; i >= 0; i--)
            {
                digits[i] = Alphabet[(int)(value & 31)];
                value >>= 5;
            }
        });
    }
}
