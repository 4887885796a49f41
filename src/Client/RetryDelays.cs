namespace Herald.Client;

/// <summary>How long to wait before the next try of a call that Herald asked to send again.</summary>
public static class RetryDelays
{
    /// <summary>
    /// <paramref name="retryAfter"/> when Herald named one, else <see cref="HeraldClientOptions.FirstRetryDelay"/> doubled
    /// per try already made; plus up to a quarter more, at random, so that clients refused together do not come back
    /// together. Null when the wait would exceed <see cref="HeraldClientOptions.MaxRetryDelay"/>: the caller gives up.
    /// </summary>
    /// <param name="attempt">The tries made so far (1 after the first).</param>
    /// <param name="retryAfter">Herald's <c>Retry-After</c>, if it named one.</param>
    /// <param name="options">The bounds.</param>
    /// <param name="random">A number in [0, 1).</param>
    public static TimeSpan? Next(int attempt, TimeSpan? retryAfter, HeraldClientOptions options, double random)
    {
        var wait = retryAfter ?? options.FirstRetryDelay * Math.Pow(2, attempt - 1);
        if (wait < TimeSpan.Zero)
        {
            wait = TimeSpan.Zero;
        }
        if (wait > options.MaxRetryDelay)
        {
            return null;
        }
        var jittered = wait + wait * (0.25 * random);
        return jittered > options.MaxRetryDelay ? options.MaxRetryDelay : jittered;
    }
}
