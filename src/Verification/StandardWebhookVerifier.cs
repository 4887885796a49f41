using System.Security.Cryptography;

namespace Herald.Verification;

/// <summary>
/// Verifies Standard Webhooks deliveries (<c>webhook-id</c>, <c>webhook-timestamp</c>, <c>webhook-signature</c>).
/// Give it every secret that is valid right now (during a rotation, the new and the old one); a delivery is accepted
/// when any <c>v1,</c> signature in the header matches any secret and the timestamp is within the tolerance.
/// </summary>
/// <example>
/// <code>
/// var verifier = new StandardWebhookVerifier([newSecret, oldSecret]);
/// var result = verifier.Verify(name => request.Headers[name].FirstOrDefault(), body);
/// if (result != VerificationResult.Verified) return Results.Unauthorized();
/// </code>
/// </example>
public sealed class StandardWebhookVerifier
{
    public const string IdHeader = "webhook-id";
    public const string TimestampHeader = "webhook-timestamp";
    public const string SignatureHeader = "webhook-signature";

    private readonly byte[][] _keys;
    private readonly TimeProvider _time;

    /// <param name="secrets">The <c>whsec_…</c> secrets to accept.</param>
    /// <param name="time">The clock for the timestamp check; the system clock when null.</param>
    /// <exception cref="ArgumentException">No secret was given.</exception>
    /// <exception cref="FormatException">A secret is not base64 after its <c>whsec_</c> prefix.</exception>
    public StandardWebhookVerifier(IEnumerable<string> secrets, TimeProvider? time = null)
    {
        _keys = secrets.Select(WebhookSignature.StandardKey).ToArray();
        if (_keys.Length == 0)
        {
            throw new ArgumentException("Give at least one secret.", nameof(secrets));
        }
        _time = time ?? TimeProvider.System;
    }

    /// <summary>How far the timestamp may be from now, either way.</summary>
    public TimeSpan Tolerance { get; init; } = TimeSpan.FromMinutes(5);

    /// <param name="header">Looks a request header up by name (case-insensitively, as HTTP names are).</param>
    /// <param name="body">The raw body bytes, exactly as received.</param>
    public VerificationResult Verify(Func<string, string?> header, ReadOnlySpan<byte> body) =>
        Verify(header(IdHeader), header(TimestampHeader), header(SignatureHeader), body);

    public VerificationResult Verify(string? id, string? timestamp, string? signatures, ReadOnlySpan<byte> body)
    {
        if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(signatures))
        {
            return VerificationResult.MissingHeader;
        }
        var window = TimestampWindow.Check(timestamp, _time, Tolerance, out var seconds);
        if (window != VerificationResult.Verified)
        {
            return window;
        }
        var received = Received(signatures);
        foreach (var key in _keys)
        {
            var expected = WebhookSignature.Mac(key, SignedContent.IdTimestampBody, id, seconds, body);
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

    /// <summary>The decoded digests of the header's <c>v1,</c> entries; other versions and malformed entries are skipped.</summary>
    private static List<byte[]> Received(string signatures)
    {
        var digests = new List<byte[]>();
        foreach (var entry in signatures.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!entry.StartsWith("v1,", StringComparison.Ordinal))
            {
                continue;
            }
            var buffer = new byte[64];
            if (Convert.TryFromBase64String(entry[3..], buffer, out var written))
            {
                digests.Add(buffer[..written]);
            }
        }
        return digests;
    }
}
