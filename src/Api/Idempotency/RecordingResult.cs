namespace Herald.Api.Idempotency;

/// <summary>
/// Writes a route's answer into memory first, hands it (status, headers, body) to <paramref name="record"/> — which
/// stores a 2xx and releases the key otherwise — and only then sends it, so that an answer the client sees is stored.
/// An answer that fails to write is handed over with no body (the key is released).
/// </summary>
public sealed class RecordingResult(IResult answer, Func<HttpResponse, byte[]?, Task> record) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        var original = response.Body;
        using var buffer = new MemoryStream();
        response.Body = buffer;
        try
        {
            await answer.ExecuteAsync(httpContext);
        }
        catch
        {
            response.Body = original;
            await record(response, null);
            throw;
        }
        response.Body = original;
        var body = buffer.ToArray();
        await record(response, body);
        await original.WriteAsync(body, httpContext.RequestAborted);
    }
}
