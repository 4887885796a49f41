using Herald.Grains.Storage;

namespace Herald.Api.Idempotency;

/// <summary>The answer of the first request with a key, written again as it was, with <c>Idempotent-Replayed: true</c>.</summary>
public sealed class StoredAnswer(IdempotencyEntry entry, byte[] body) : IResult
{
    public const string ReplayedHeader = "Idempotent-Replayed";

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = entry.StatusCode!.Value;
        response.Headers[ReplayedHeader] = "true";
        if (entry.ContentType is not null)
        {
            response.ContentType = entry.ContentType;
        }
        if (entry.Location is not null)
        {
            response.Headers.Location = entry.Location;
        }
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, httpContext.RequestAborted);
    }
}
