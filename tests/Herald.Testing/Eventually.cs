using System.Diagnostics;

namespace Herald.Testing;

/// <summary>Polls a condition until it holds or a deadline passes: tests and the bench wait for outcomes, never for fixed times.</summary>
public static class Eventually
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan DefaultInterval = TimeSpan.FromMilliseconds(50);

    /// <summary>True as soon as <paramref name="condition"/> holds (checked every <paramref name="interval"/>); false once <paramref name="limit"/> has passed.</summary>
    public static async Task<bool> HoldsAsync(Func<Task<bool>> condition, TimeSpan limit, TimeSpan? interval = null)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > limit)
            {
                return false;
            }
            await Task.Delay(interval ?? DefaultInterval);
        }
        return true;
    }

    public static Task<bool> HoldsAsync(Func<bool> condition, TimeSpan limit, TimeSpan? interval = null) =>
        HoldsAsync(() => Task.FromResult(condition()), limit, interval);

    /// <summary>The first value of <paramref name="probe"/> that is <paramref name="done"/>; a <see cref="TimeoutException"/> naming <paramref name="what"/> when none is in time.</summary>
    public static async Task<T> ReturnsAsync<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan? timeout = null, string? what = null)
    {
        var limit = timeout ?? DefaultTimeout;
        T value = default!;
        if (await HoldsAsync(async () => done(value = await probe()), limit))
        {
            return value;
        }
        throw new TimeoutException($"Condition not met within {limit}: {what ?? "(unnamed)"}");
    }

    public static Task<T> ReturnsAsync<T>(Func<T> probe, Func<T, bool> done, TimeSpan? timeout = null, string? what = null) =>
        ReturnsAsync(() => Task.FromResult(probe()), done, timeout, what);
}
