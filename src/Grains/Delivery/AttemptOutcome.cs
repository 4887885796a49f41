namespace Herald.Grains.Delivery;

/// <summary>The result of one HTTP attempt: a status code when the endpoint answered, otherwise an error.</summary>
public sealed record AttemptOutcome(int? StatusCode, TimeSpan Latency, string? Error, string? ResponseExcerpt, TimeSpan? RetryAfter)
{
    public bool IsSuccess => StatusCode is >= 200 and < 300;
}
