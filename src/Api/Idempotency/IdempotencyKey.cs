using System.Security.Cryptography;
using System.Text;
using Herald.Api.Json;

namespace Herald.Api.Idempotency;

/// <summary>The <c>Idempotency-Key</c> header, and the fingerprint of the request it is sent with.</summary>
public static class IdempotencyKey
{
    public const string Header = "Idempotency-Key";
    public const int MaxLength = 255;

    /// <summary>1–255 printable ASCII characters (a UUID, an order number, …).</summary>
    public static bool IsValid(string? key) =>
        key is { Length: > 0 and <= MaxLength } && key.All(c => c is >= ' ' and <= '~');

    /// <summary>
    /// SHA-256 of the method, path, query and body: the same key sent with anything else is another request. Null when
    /// the body is over <paramref name="maxBytes"/> (the route answers 413 for it, and that is never stored). The body is
    /// left readable from its start for the route.
    /// </summary>
    public static async Task<byte[]?> FingerprintAsync(HttpRequest request, long maxBytes)
    {
        if (request.ContentLength > maxBytes)
        {
            return null;
        }
        request.EnableBuffering();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{request.Method}\n{request.Path}\n{request.QueryString}\n"));
        var within = await BodyChunks.ReadAsync(request, maxBytes, (chunk, count) => hash.AppendData(chunk, 0, count));
        request.Body.Position = 0;
        return within ? hash.GetHashAndReset() : null;
    }
}
