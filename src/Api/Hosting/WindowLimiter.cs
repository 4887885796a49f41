using System.Threading.RateLimiting;

namespace Herald.Api.Hosting;

/// <summary>A fixed-window allowance per partition (a key's hash, a client address): <c>limit</c> permits per <c>window</c>.</summary>
public sealed class WindowLimiter(int limit, TimeSpan window) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(partition =>
        RateLimitPartition.GetFixedWindowLimiter(partition, _ => new FixedWindowRateLimiterOptions { PermitLimit = limit, Window = window, QueueLimit = 0 }));

    /// <summary>
    /// Takes <paramref name="permits"/> from the partition's allowance: null when they were there, otherwise how long until
    /// the window starts over. Zero permits asks whether any is left without using one.
    /// </summary>
    public TimeSpan? Take(string partition, int permits = 1)
    {
        using var lease = _limiter.AttemptAcquire(partition, permits);
        return lease.IsAcquired ? null
            : lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter
            : window;
    }

    public void Dispose() => _limiter.Dispose();
}
