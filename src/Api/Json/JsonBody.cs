using System.Text.Json;
using System.Text.Unicode;
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
        var (body, problem) = await ReadBytesAsync(request, limits);
        return problem is not null ? (null, problem) : Parse(() => JsonSerializer.Deserialize<T>(body.Span, SerializerOptions(request)));
    }

    /// <summary>
    /// Like <see cref="ReadAsync{T}"/>, for a partial update: also names the top-level fields the body sends, an explicit
    /// <c>null</c> included, so that an absent field can keep its value while a null clears it. A field of
    /// <paramref name="refused"/> is answered 422 with its message (before the body is bound), rather than as unknown.
    /// </summary>
    public static async Task<(T? Value, IReadOnlySet<string> Sent, ProblemHttpResult? Problem)> ReadPatchAsync<T>(
        HttpRequest request, ApiOptions limits, IReadOnlyDictionary<string, string> refused)
        where T : class
    {
        var (body, problem) = await ReadBytesAsync(request, limits);
        var options = SerializerOptions(request);
        var (document, notJson) = problem is not null ? (null, problem) : Parse(() => JsonSerializer.Deserialize<JsonDocument>(body.Span, options));
        using (document)
        {
            if (notJson is not null || document!.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (null, new HashSet<string>(), notJson ?? NotAnObject());
            }
            var sent = document.RootElement.EnumerateObject().Select(p => p.Name)
                .ToHashSet(options.PropertyNameCaseInsensitive ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
            var errors = new FieldErrors();
            foreach (var (field, message) in refused.Where(r => sent.Contains(r.Key)))
            {
                errors.Add(field, message);
            }
            if (errors.Any)
            {
                return (null, sent, Problems.Invalid(errors.ToDictionary()));
            }
            var root = document.RootElement;
            var (value, wrongTypes) = Parse(() => root.Deserialize<T>(options));
            return (value, sent, wrongTypes);
        }
    }

    /// <summary>True when the request has no body at all, for routes whose every field is optional.</summary>
    private static bool IsAbsent(HttpRequest request) =>
        request.ContentLength == 0 || (request.ContentLength is null && !request.Headers.TransferEncoding.Any());

    /// <summary>Like <see cref="ReadAsync{T}"/>, but a request without a body reads as <paramref name="empty"/>.</summary>
    public static Task<(T? Value, ProblemHttpResult? Problem)> ReadOptionalAsync<T>(HttpRequest request, ApiOptions limits, T empty)
        where T : class =>
        IsAbsent(request)
            ? Task.FromResult<(T?, ProblemHttpResult?)>((empty, null))
            : ReadAsync<T>(request, limits);

    private static async Task<(ReadOnlyMemory<byte> Body, ProblemHttpResult? Problem)> ReadBytesAsync(HttpRequest request, ApiOptions limits)
    {
        if (request.ContentLength > limits.MaxRequestBytes)
        {
            return (default, TooLarge(limits));
        }
        var (buffer, tooLarge) = request.ContentLength is { } length
            ? (await ReadKnownLengthAsync(request, (int)length), false)
            : await ReadChunkedAsync(request, limits.MaxRequestBytes);
        if (tooLarge)
        {
            return (default, TooLarge(limits));
        }
        if (buffer.Length == 0)
        {
            return (default, Problems.InvalidJson("The request body is empty", "$", "Send a JSON object."));
        }
        // JSON text is UTF-8 (RFC 8259). The reader checks string values but leaves property names to be decoded
        // later, where invalid bytes would surface as an error of the route rather than of the body.
        return Utf8.IsValid(buffer.Span)
            ? (buffer, null)
            : (default, Problems.InvalidJson("The request body is not valid JSON for this route", "$", "The body is not valid UTF-8."));
    }

    /// <summary>
    /// A body of a declared length (the server stops it there), read into one array of that length: no copy and no
    /// scratch buffer per request. A client that sends less than it declared ends the read early.
    /// </summary>
    private static async Task<ReadOnlyMemory<byte>> ReadKnownLengthAsync(HttpRequest request, int length)
    {
        var body = GC.AllocateUninitializedArray<byte>(length);
        var filled = 0;
        int read;
        while (filled < length && (read = await request.Body.ReadAsync(body.AsMemory(filled), request.HttpContext.RequestAborted)) > 0)
        {
            filled += read;
        }
        return body.AsMemory(0, filled);
    }

    /// <summary>A body without a declared length (chunked), read up to the limit; true when it went over.</summary>
    private static async Task<(ReadOnlyMemory<byte> Body, bool TooLarge)> ReadChunkedAsync(HttpRequest request, long limit)
    {
        using var buffer = new MemoryStream();
        return await BodyChunks.ReadAsync(request, limit, (chunk, count) => buffer.Write(chunk, 0, count))
            ? (buffer.GetBuffer().AsMemory(0, (int)buffer.Length), false)
            : (default, true);
    }

    private static JsonSerializerOptions SerializerOptions(HttpRequest request) =>
        request.HttpContext.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;

    private static (T? Value, ProblemHttpResult? Problem) Parse<T>(Func<T?> parse)
        where T : class
    {
        try
        {
            return parse() is { } value ? (value, null) : (null, NotAnObject());
        }
        catch (JsonException exception)
        {
            var path = string.IsNullOrEmpty(exception.Path) ? "$" : exception.Path;
            return (null, Problems.InvalidJson("The request body is not valid JSON for this route", path, FirstLine(exception.Message)));
        }
    }

    private static ProblemHttpResult NotAnObject() => Problems.InvalidJson("The request body is not a JSON object", "$", "Send a JSON object.");

    private static ProblemHttpResult TooLarge(ApiOptions limits) =>
        Problems.Status(StatusCodes.Status413PayloadTooLarge, "The request body is too large",
            $"The limit is {limits.MaxRequestBytes} bytes.");

    private static string FirstLine(string message)
    {
        var end = message.IndexOf(" Path:", StringComparison.Ordinal);
        return end > 0 ? message[..end] : message;
    }
}
