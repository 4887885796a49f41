using System.Buffers;
using System.Security.Cryptography;
using System.Text;

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
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            long total = 0;
            int read;
            while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
            {
                total += read;
                if (total > maxBytes)
                {
                    request.Body.Position = 0;
                    return null;
                }
                hash.AppendData(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
        request.Body.Position = 0;
        return hash.GetHashAndReset();
    }
}
