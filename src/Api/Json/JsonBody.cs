using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Herald.Api.Json;

/// <summary>
/// Reads a request body: too large → 413, not JSON or wrong types → 400 naming the path. Reading the body by hand
/// (rather than binding) is what lets every failure be a problem-details answer.
/// </summary>
public static class JsonBody
{
    public static async Task<(T? Value, ProblemHttpResult? Problem)> ReadAsync<T>(HttpRequest request, ApiOptions limits)
        where T : class
    {
        if (request.ContentLength > limits.MaxRequestBytes)
        {
            return (null, TooLarge(limits));
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            if (buffer.Length + read > limits.MaxRequestBytes)
            {
                return (null, TooLarge(limits));
            }
            buffer.Write(chunk, 0, read);
        }
        if (buffer.Length == 0)
        {
            return (null, Problems.Status(StatusCodes.Status400BadRequest, "The request body is empty", "Send a JSON object."));
        }
        var options = request.HttpContext.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        try
        {
            var value = JsonSerializer.Deserialize<T>(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), options);
            return value is null
                ? (null, Problems.Status(StatusCodes.Status400BadRequest, "The request body is not a JSON object", "Send a JSON object."))
                : (value, null);
        }
        catch (JsonException exception)
        {
            var path = string.IsNullOrEmpty(exception.Path) ? "$" : exception.Path;
            return (null, Problems.Status(StatusCodes.Status400BadRequest, "The request body is not valid JSON for this route",
                $"At {path}: {FirstLine(exception.Message)}"));
        }
    }

    /// <summary>True when the request has no body at all, for routes whose every field is optional.</summary>
    public static bool IsAbsent(HttpRequest request) =>
        request.ContentLength == 0 || (request.ContentLength is null && !request.Headers.TransferEncoding.Any());

    /// <summary>Like <see cref="ReadAsync{T}"/>, but a request without a body reads as <paramref name="empty"/>.</summary>
    public static Task<(T? Value, ProblemHttpResult? Problem)> ReadOptionalAsync<T>(HttpRequest request, ApiOptions limits, T empty)
        where T : class =>
        IsAbsent(request)
            ? Task.FromResult<(T?, ProblemHttpResult?)>((empty, null))
            : ReadAsync<T>(request, limits);

    private static ProblemHttpResult TooLarge(ApiOptions limits) =>
        Problems.Status(StatusCodes.Status413PayloadTooLarge, "The request body is too large",
            $"The limit is {limits.MaxRequestBytes} bytes.");

    private static string FirstLine(string message)
    {
        var end = message.IndexOf(" Path:", StringComparison.Ordinal);
        return end > 0 ? message[..end] : message;
    }
}
