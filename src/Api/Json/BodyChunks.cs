using System.Buffers;

namespace Herald.Api.Json;

/// <summary>A request body read in chunks through one pooled buffer, up to a limit: the body's bytes, or its fingerprint.</summary>
public static class BodyChunks
{
    private const int ChunkBytes = 16 * 1024;

    /// <summary>
    /// Hands each chunk of the body to <paramref name="take"/> (the buffer and the bytes filled) while the body stays
    /// within <paramref name="limit"/> bytes; false, and no more read, once it goes over.
    /// </summary>
    public static async Task<bool> ReadAsync(HttpRequest request, long limit, Action<byte[], int> take)
    {
        var chunk = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        try
        {
            long total = 0;
            int read;
            while ((read = await request.Body.ReadAsync(chunk.AsMemory(0, ChunkBytes), request.HttpContext.RequestAborted)) > 0)
            {
                total += read;
                if (total > limit)
                {
                    return false;
                }
                take(chunk, read);
            }
            return true;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }
}
