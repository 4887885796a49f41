namespace Herald.Grains.Delivery;

/// <summary>
/// 2xx succeeds. 5xx, 408, 429, 1xx, 3xx (redirects are not followed), timeouts and network errors are retried.
/// Other 4xx are permanent unless the endpoint retries client errors.
/// </summary>
public static class AttemptClassifier
{
    public static AttemptClass Classify(AttemptOutcome outcome, bool retryClientErrors)
    {
        if (outcome.StatusCode is not { } status)
        {
            return AttemptClass.Retryable;
        }
        return status switch
        {
            >= 200 and < 300 => AttemptClass.Succeeded,
            408 or 429 => AttemptClass.Retryable,
            >= 400 and < 500 => retryClientErrors ? AttemptClass.Retryable : AttemptClass.Permanent,
            _ => AttemptClass.Retryable,
        };
    }
}
