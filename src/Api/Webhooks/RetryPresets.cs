using Herald.Abstractions.Webhooks;

namespace Herald.Api.Webhooks;

/// <summary>
/// Named retry policies: <c>{"retry": {"preset": "fast-start"}}</c>. Each is an ordinary schedule or backoff,
/// named after its shape; docs/delivery.md maps them to the platforms whose documented schedules they reproduce.
/// </summary>
public static class RetryPresets
{
    private static readonly Dictionary<string, RetryPolicy> Presets = new(StringComparer.Ordinal)
    {
        // 1m, 5m, 30m, 2h, 12h: six attempts over about 15 hours (the default).
        ["default"] = RetryPolicy.Default,
        // Immediately, then 60s doubling: 60s, 2m, 4m, 8m; five attempts in all.
        ["exponential-60s"] = new(null, new ExponentialBackoff(TimeSpan.FromSeconds(60), 2, 5), false),
        // 10s, 60s, 5m, 30m, 2h: six attempts, quick at first.
        ["fast-start"] = Schedule(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(60), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2)),
        // 5s, 5m, 30m, 2h, 5h, 10h, 10h: eight attempts over about 28 hours.
        ["long-tail"] = Schedule(TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2),
            TimeSpan.FromHours(5), TimeSpan.FromHours(10), TimeSpan.FromHours(10)),
        // One attempt, no retry.
        ["none"] = Schedule(),
    };

    public static IEnumerable<string> Names => Presets.Keys;

    public static RetryPolicy? Find(string name) => Presets.GetValueOrDefault(name);

    private static RetryPolicy Schedule(params TimeSpan[] delays) => new(delays, null, false);
}
