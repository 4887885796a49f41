namespace Herald.Reliability.Chaos;

/// <summary>
/// Which answer each attempt gets, decided by the seed from the webhook's path, the event id and the attempt number
/// alone (never by timing): every delivery first meets 0–3 failing answers, then an answer that takes it, so every
/// event can arrive within the webhooks' retry schedule. Paths under <see cref="BinaryPaths"/> and
/// <see cref="HugePaths"/> take every request with a binary answer, or a 50 MB one, instead, so that what such
/// answers do is seen apart from the rest.
/// </summary>
public sealed class ChaosPlan(int seed, bool takeAll = false)
{
    public const int MaxFailures = 3;
    public const string BinaryPaths = "/binary/";
    public const string HugePaths = "/huge/";

    private static readonly (int Failures, int Weight)[] FailureCounts = [(0, 45), (1, 25), (2, 18), (MaxFailures, 12)];

    private static readonly (ChaosFault Fault, int Weight)[] Failing =
    [
        (ChaosFault.ServerError, 3), (ChaosFault.TooManyRequests, 2), (ChaosFault.Hang, 1), (ChaosFault.Reset, 2),
        (ChaosFault.SlowPastTimeout, 1), (ChaosFault.HugeError, 2),
    ];

    private static readonly (ChaosFault Fault, int Weight)[] Taking =
        [(ChaosFault.Ok, 4), (ChaosFault.SlowOk, 2), (ChaosFault.TruncatedOk, 2), (ChaosFault.HugeOk, 2)];

    /// <summary>A plan that takes everything at once (the outage and kill scenarios' receivers).</summary>
    public static ChaosPlan None { get; } = new(0, takeAll: true);

    /// <param name="attempt">1 for the first request carrying this event id at this path.</param>
    public ChaosFault Answer(string path, string eventId, int attempt)
    {
        if (path.StartsWith(BinaryPaths, StringComparison.Ordinal))
        {
            return ChaosFault.BinaryOk;
        }
        if (path.StartsWith(HugePaths, StringComparison.Ordinal))
        {
            return ChaosFault.HugeOk;
        }
        if (takeAll)
        {
            return ChaosFault.Ok;
        }
        var failures = StableHash.Pick(StableHash.Of(seed, path, eventId), FailureCounts);
        return attempt <= failures
            ? StableHash.Pick(StableHash.Of(seed, path, eventId, attempt), Failing)
            : StableHash.Pick(StableHash.Of(seed, path, eventId, attempt, "take"), Taking);
    }
}
