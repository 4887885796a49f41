using Herald.Abstractions.Webhooks;

namespace Herald.Grains.Delivery;

/// <summary>Turns a <see cref="RetryPolicy"/> into the delay before the next attempt, with at most ±10% jitter.</summary>
public static class RetrySchedule
{
    private const double JitterFraction = 0.10;

    public static int MaxAttempts(RetryPolicy policy) =>
        policy.Exponential is { } exponential ? exponential.MaxAttempts : (policy.Schedule?.Count ?? 0) + 1;

    /// <summary>The delay after <paramref name="attemptsMade"/> attempts, or null when none is left.</summary>
    public static TimeSpan? NextDelay(RetryPolicy policy, int attemptsMade, double jitterSample)
    {
        if (attemptsMade >= MaxAttempts(policy))
        {
            return null;
        }
        var delay = policy.Exponential is { } exponential
            ? TimeSpan.FromTicks((long)Math.Min(exponential.Base.Ticks * Math.Pow(exponential.Factor, attemptsMade - 1), TimeSpan.FromDays(30).Ticks))
            : policy.Schedule![attemptsMade - 1];
        // jitterSample in [0, 1) maps to a factor in [0.9, 1.1)
        var factor = 1 + (((jitterSample * 2) - 1) * JitterFraction);
        return TimeSpan.FromTicks((long)(delay.Ticks * factor));
    }
}
