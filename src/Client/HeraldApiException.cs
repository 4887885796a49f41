namespace Herald.Client;

/// <summary>
/// A problem Herald answered (RFC 9457, docs/errors.md): branch on <see cref="Status"/> and <see cref="Code"/>;
/// <see cref="Title"/> and <see cref="Detail"/> are for people.
/// </summary>
public sealed class HeraldApiException(
    int status, string code, string? title, string? detail, IReadOnlyDictionary<string, string[]> errors, string? traceId, TimeSpan? retryAfter)
    : Exception($"{status} {code}: {detail ?? title}")
{
    public int Status { get; } = status;

    /// <summary>The stable code (<c>validation_failed</c>, <c>not_found</c>, <c>rate_limited</c>, …).</summary>
    public string Code { get; } = code;

    public string? Title { get; } = title;

    public string? Detail { get; } = detail;

    /// <summary>Each wrong field (JSON path such as <c>retry.schedule[1]</c>) or parameter, with why; empty when none is named.</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;

    public string? TraceId { get; } = traceId;

    /// <summary>Herald's <c>Retry-After</c>, on a 429 or 503 that the client stopped retrying.</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;
}
