namespace Herald.Grains.Delivery;

/// <summary>
/// 2xx succeeds. 5xx, 408, 429, 1xx, 3xx (redirects are not followed), timeouts and network errors are retried.
/// Other 4xx are permanent unless the endpoint retries client errors. A destination blocked by the SSRF guard is
/// permanent: retrying cannot make a private address public.
/// </summary>
public static class AttemptClassifier
{
    public static AttemptClass Classify(AttemptOutcome outcome, bool retryClientErrors)
    {
        if (outcome.Blocked)
        {
            return AttemptClass.Permanent;
        }
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
