using System.Globalization;

namespace Herald.Verification;

/// <summary>Checks a Unix-seconds timestamp header against now ± the tolerance.</summary>
internal static class TimestampWindow
{
    public static VerificationResult Check(string? header, TimeProvider time, TimeSpan tolerance, out long timestamp)
    {
        timestamp = 0;
        if (string.IsNullOrEmpty(header))
        {
            return VerificationResult.MissingHeader;
        }
        if (!long.TryParse(header, NumberStyles.None, CultureInfo.InvariantCulture, out timestamp))
        {
            return VerificationResult.InvalidTimestamp;
        }
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        return Math.Abs(now - timestamp) > (long)tolerance.TotalSeconds
            ? VerificationResult.TimestampOutsideTolerance
            : VerificationResult.Verified;
    }
}
