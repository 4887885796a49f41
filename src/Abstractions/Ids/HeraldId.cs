using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Herald.Abstractions.Ids;

/// <summary>
/// Prefixed, time-sortable identifiers (<c>evt_01jx…</c>): 48 bits of Unix milliseconds then 80 random bits,
/// in lower-case Crockford base32, so ids sort by creation time as strings.
/// </summary>
public static class HeraldId
{
    private const string Alphabet = "0123456789abcdefghjkmnpqrstvwxyz";
    private const int Digits = 26; // 130 bits: the 128 of the id behind two zero bits
    private const ulong MillisMask = (1UL << 48) - 1;

    public static string New(string prefix, TimeProvider? time = null)
    {
        var millis = (ulong)(time ?? TimeProvider.System).GetUtcNow().ToUnixTimeMilliseconds() & MillisMask;
        Span<byte> random = stackalloc byte[10];
        RandomNumberGenerator.Fill(random);
        // One 128-bit number, computed without allocating (ids are made for every event, delivery and attempt).
        var value = new UInt128((millis << 16) | BinaryPrimitives.ReadUInt16BigEndian(random), BinaryPrimitives.ReadUInt64BigEndian(random[2..]));
        return string.Create(prefix.Length + 1 + Digits, (prefix, value), static (span, state) =>
        {
            state.prefix.AsSpan().CopyTo(span);
            span[state.prefix.Length] = '_';
            var digits = span[(state.prefix.Length + 1)..];
            var rest = state.value;
            for (var i = digits.Length - 1; i >= 0; i--)
            {
                digits[i] = Alphabet[(int)(ulong)(rest & 31)];
                rest >>= 5;
            }
        });
    }
}
