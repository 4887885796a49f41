using System.Collections.Concurrent;
using System.Diagnostics;
using Herald.Testing;

namespace Herald.Bench.Infrastructure;

/// <summary>
/// What the receiver saw during one scenario: every delivery's first successful arrival (by path and webhook-id),
/// duplicates, the failures it answered on purpose, the signatures it checked, and publish→receipt latencies.
/// </summary>
public sealed class Tracker(Func<long, bool>? fail = null, int signatureSampleEvery = 100, bool recordOrder = false)
{
    private long _requests;
    private long _duplicates;
    private long _answeredFailure;
    private long _signaturesChecked;
    private long _signaturesBad;
    private long _first = long.MaxValue;
    private long _last;

    /// <summary>First successful arrival (Stopwatch timestamp) per "path webhook-id".</summary>
    public ConcurrentDictionary<string, long> Delivered { get; } = new();

    /// <summary>When each event id was (meant to be) published, for publish→receipt latency.</summary>
    public ConcurrentDictionary<string, long> SentAt { get; } = new();

    public ConcurrentQueue<double> LatenciesMs { get; } = new();

    /// <summary>Per path, the event ids in the order they arrived (when asked for).</summary>
    public ConcurrentDictionary<string, ConcurrentQueue<string>> Order { get; } = new();

    public long Requests => Interlocked.Read(ref _requests);
    public long Duplicates => Interlocked.Read(ref _duplicates);
    public long AnsweredFailure => Interlocked.Read(ref _answeredFailure);
    public long SignaturesChecked => Interlocked.Read(ref _signaturesChecked);
    public long SignaturesBad => Interlocked.Read(ref _signaturesBad);
    public long FirstArrival => Interlocked.Read(ref _first);
    public long LastArrival => Interlocked.Read(ref _last);

    public long NextRequest() => Interlocked.Increment(ref _requests);

    public bool ShouldSample(long n) => signatureSampleEvery > 0 && n % signatureSampleEvery == 0;

    public bool ShouldFail(long n)
    {
        if (fail is null || !fail(n))
        {
            return false;
        }
        Interlocked.Increment(ref _answeredFailure);
        return true;
    }

    public void Signature(bool valid)
    {
        Interlocked.Increment(ref _signaturesChecked);
        if (!valid)
        {
            Interlocked.Increment(ref _signaturesBad);
        }
    }

    public void Succeeded(string path, string id, long arrived)
    {
        if (!Delivered.TryAdd(string.Concat(path, " ", id), arrived))
        {
            Interlocked.Increment(ref _duplicates);
            return;
        }
        Min(ref _first, arrived);
        Max(ref _last, arrived);
        if (SentAt.TryGetValue(id, out var sent))
        {
            LatenciesMs.Enqueue(Stopwatch.GetElapsedTime(sent, arrived).TotalMilliseconds);
        }
        if (recordOrder)
        {
            Order.GetOrAdd(path, _ => new ConcurrentQueue<string>()).Enqueue(id);
        }
    }

    /// <summary>Waits (polling, bounded) until <paramref name="expected"/> distinct deliveries arrived; false on timeout.</summary>
    public Task<bool> WaitForAsync(int expected, TimeSpan limit) =>
        Eventually.HoldsAsync(() => Delivered.Count >= expected, limit, TimeSpan.FromMilliseconds(5));

    private static void Min(ref long target, long value)
    {
        long seen;
        while (value < (seen = Interlocked.Read(ref target)) && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }

    private static void Max(ref long target, long value)
    {
        long seen;
        while (value > (seen = Interlocked.Read(ref target)) && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
