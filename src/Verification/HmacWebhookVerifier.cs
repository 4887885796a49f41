using System.Security.Cryptography;
using System.Text;

namespace Herald.Verification;

/// <summary>
/// Verifies deliveries signed with a custom HMAC-SHA256 profile. The signature header carries the current secret's
/// signature; during a rotation's grace period <see cref="HmacProfile.PreviousHeader"/> carries the previous one's.
/// A delivery is accepted when either matches any of the given secrets and, when the profile has a timestamp header,
/// the timestamp is within the tolerance.
/// </summary>
public sealed class HmacWebhookVerifier
{
    private readonly HmacProfile _profile;
    private readonly byte[][] _keys;
    private readonly TimeProvider _time;

    /// <exception cref="ArgumentException">No secret was given, or the profile signs a timestamp without a header to carry it.</exception>
    public HmacWebhookVerifier(HmacProfile profile, IEnumerable<string> secrets, TimeProvider? time = null)
    {
        if (profile.SignedContent != SignedContent.Body && profile.TimestampHeader is null)
        {
            throw new ArgumentException("A profile that signs the timestamp needs a timestamp header.", nameof(profile));
        }
        _profile = profile;
        _keys = secrets.Select(WebhookSignature.HmacKey).ToArray();
        if (_keys.Length == 0)
        {
            throw new ArgumentException("Give at least one secret.", nameof(secrets));
        }
        _time = time ?? TimeProvider.System;
    }

    /// <summary>How far the timestamp may be from now, either way (checked only when the profile has a timestamp header).</summary>
    public TimeSpan Tolerance { get; init; } = TimeSpan.FromMinutes(5);

    /// <param name="header">Looks a request header up by name (case-insensitively, as HTTP names are).</param>
    /// <param name="body">The raw body bytes, exactly as received.</param>
    public VerificationResult Verify(Func<string, string?> header, ReadOnlySpan<byte> body)
    {
        var received = new[] { header(_profile.Header), header(_profile.PreviousHeader) }
            .Where(s => !string.IsNullOrEmpty(s))
            .Select(s => Encoding.UTF8.GetBytes(s!))
            .ToList();
        if (received.Count == 0)
        {
            return VerificationResult.MissingHeader;
        }
        long timestamp = 0;
        if (_profile.TimestampHeader is { } timestampHeader)
        {
            var window = TimestampWindow.Check(header(timestampHeader), _time, Tolerance, out timestamp);
            if (window != VerificationResult.Verified)
            {
                return window;
            }
        }
        var id = header(_profile.EventIdHeader) ?? "";
        if (_profile.SignedContent == SignedContent.IdTimestampBody && id.Length == 0)
        {
            return VerificationResult.MissingHeader;
        }
        foreach (var key in _keys)
        {
            var expected = Encoding.UTF8.GetBytes(WebhookSignature.Hmac(key, _profile, id, timestamp, body));
            foreach (var candidate in received)
            {
                if (CryptographicOperations.FixedTimeEquals(expected, candidate))
                {
                    return VerificationResult.Verified;
                }
            }
        }
        return VerificationResult.SignatureMismatch;
    }
}
