namespace Herald.Grains.Delivery;

/// <summary>
/// The result of one HTTP attempt: a status code when the endpoint answered, otherwise an error.
/// <see cref="Blocked"/>: the SSRF guard refused the destination, so nothing was sent.
/// </summary>
public sealed record AttemptOutcome(int? StatusCode, TimeSpan Latency, string? Error, string? ResponseExcerpt, TimeSpan? RetryAfter, bool Blocked = false)
{
    /// <summary>The request's headers as the attempt log keeps them (<see cref="RequestHeaderLog"/>).</summary>
    public string? RequestHeaders { get; init; }

    public bool IsSuccess => StatusCode is >= 200 and < 300;
}
