namespace Herald.Tests.Infrastructure;

/// <summary>Polls a condition until it holds or a deadline passes: tests wait for outcomes, never for fixed times.</summary>
public static class Eventually
{
    public static async Task<T> ReturnsAsync<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan? timeout = null, string? what = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            var value = await probe();
            if (done(value))
            {
                return value;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Condition not met within {timeout ?? TimeSpan.FromSeconds(20)}: {what ?? "(unnamed)"}");
            }
            await Task.Delay(50);
        }
    }

    public static Task<T> ReturnsAsync<T>(Func<T> probe, Func<T, bool> done, TimeSpan? timeout = null, string? what = null) =>
        ReturnsAsync(() => Task.FromResult(probe()), done, timeout, what);
}
