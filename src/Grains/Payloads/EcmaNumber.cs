using System.Globalization;

namespace Herald.Grains.Payloads;

/// <summary>
/// Numbers as ECMAScript's Number::toString writes them (and so <c>JSON.stringify</c>): the shortest digits that
/// round-trip, in plain notation for exponents from -7 to 20 and as <c>1.5e-7</c> / <c>1e+21</c> beyond; -0 is 0.
/// </summary>
public static class EcmaNumber
{
    /// <summary>The JSON text of a number; <c>null</c> for NaN and the infinities, as <c>JSON.stringify</c> writes them.</summary>
    public static string ToJson(double value)
    {
        if (!double.IsFinite(value))
        {
            return "null";
        }
        if (value == 0)
        {
            return "0";
        }
        // .NET's round-trip format gives the same shortest digits; only the layout differs.
        var (digits, n) = Decompose(Math.Abs(value).ToString("R", CultureInfo.InvariantCulture));
        var sign = value < 0 ? "-" : "";
        var k = digits.Length;
        if (k <= n && n <= 21)
        {
            return sign + digits + new string('0', n - k);
        }
        if (0 < n && n <= 21)
        {
            return sign + digits[..n] + "." + digits[n..];
        }
        if (-6 < n && n <= 0)
        {
            return sign + "0." + new string('0', -n) + digits;
        }
        var exponent = n - 1;
        var mantissa = k == 1 ? digits : digits[..1] + "." + digits[1..];
        return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + Math.Abs(exponent).ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Splits "1.2345E-07" or "123.45" into significant digits and n, where value = 0.digits × 10^n.</summary>
    private static (string Digits, int N) Decompose(string roundTrip)
    {
        var e = roundTrip.IndexOfAny(['E', 'e']);
        var mantissa = e < 0 ? roundTrip : roundTrip[..e];
        var exponent = e < 0 ? 0 : int.Parse(roundTrip.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var point = mantissa.IndexOf('.');
        var integerDigits = point < 0 ? mantissa.Length : point;
        var digits = point < 0 ? mantissa : mantissa.Remove(point, 1);
        var n = integerDigits + exponent;
        var leadingZeros = digits.Length - digits.TrimStart('0').Length;
        return (digits.Trim('0'), n - leadingZeros);
    }
}
