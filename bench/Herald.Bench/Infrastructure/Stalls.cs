using System.Collections.Concurrent;
using System.Diagnostics;

namespace Herald.Bench.Infrastructure;

/// <summary>
/// Slow publish answers of a paced run, grouped into bursts: publishes slower than <see cref="SlowMs"/> whose due
/// times lie within <see cref="GapMs"/> of each other form one burst. A tail made of a few bursts at regular times
/// points at something periodic (a sweep, a gauge, a checkpoint); one spread over the run, at load or the collector.
/// </summary>
public sealed class Stalls
{
    public const double SlowMs = 50;
    private const double GapMs = 250;

    private readonly ConcurrentQueue<(long Due, double Ms)> _publishes = new();
    private readonly long _start = Stopwatch.GetTimestamp();
    private readonly DateTimeOffset _startUtc = DateTimeOffset.UtcNow;

    /// <summary>Notes one publish answered: when it was due and how long its answer took from then.</summary>
    public void Add(long due, double ms) => _publishes.Enqueue((due, ms));

    /// <summary>The count of slow publishes and of their bursts, for the report's detail.</summary>
    public string Summary
    {
        get
        {
            var slow = _publishes.Count(p => p.Ms > SlowMs);
            return slow == 0 ? $"no publish answer over {SlowMs:0} ms" : $"{slow:N0} publish answers over {SlowMs:0} ms in {Bursts().Count} bursts (the log names them)";
        }
    }

    /// <summary>"none", or the count of slow publishes and each burst: its start (seconds into the run, and UTC), length and worst answer.</summary>
    public string Describe(int maxBursts = 6)
    {
        var slow = _publishes.Count(p => p.Ms > SlowMs);
        if (slow == 0)
        {
            return $"no publish answered after {SlowMs:0} ms";
        }
        var bursts = Bursts();
        var shown = bursts.OrderByDescending(b => b.Worst).Take(maxBursts).OrderBy(b => b.First).Select(b =>
        {
            var at = Stopwatch.GetElapsedTime(_start, b.First);
            return $"{at.TotalSeconds:0.0} s ({_startUtc + at:HH:mm:ss.f}): {b.Count} over {Stopwatch.GetElapsedTime(b.First, b.Last).TotalMilliseconds:0} ms, worst {b.Worst:0} ms";
        });
        return $"{slow:N0} publishes answered after {SlowMs:0} ms, in {bursts.Count} burst{(bursts.Count == 1 ? "" : "s")}: {string.Join("; ", shown)}";
    }

    private List<(long First, long Last, double Worst, int Count)> Bursts()
    {
        var bursts = new List<(long First, long Last, double Worst, int Count)>();
        foreach (var (due, ms) in _publishes.Where(p => p.Ms > SlowMs).OrderBy(p => p.Due))
        {
            if (bursts.Count > 0 && Stopwatch.GetElapsedTime(bursts[^1].Last, due).TotalMilliseconds <= GapMs)
            {
                var b = bursts[^1];
                bursts[^1] = (b.First, due, Math.Max(b.Worst, ms), b.Count + 1);
            }
            else
            {
                bursts.Add((due, due, ms, 1));
            }
        }
        return bursts;
    }
}
