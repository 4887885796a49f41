using System.Diagnostics;
using Herald.Testing;

namespace Herald.Reliability.Chaos;

/// <summary>
/// What the receiver's arrivals say against what Herald accepted: events never taken, strict paths whose first
/// arrivals left acceptance order, and events taken more than once.
/// </summary>
/// <param name="expected">Per receiving path, the event ids Herald accepted for it, in acceptance order.</param>
public sealed class ArrivalCheck(ChaosReceiver receiver, IReadOnlyDictionary<string, IReadOnlyList<string>> expected)
{
    public int Expected => expected.Values.Sum(ids => ids.Count);

    /// <summary>(path, event id) of every accepted event the receiver has not taken yet.</summary>
    public IReadOnlyList<(string Path, string EventId)> Missing()
    {
        var taken = receiver.Arrivals.Where(a => a.Answer.MeansSuccess()).Select(a => (a.Path, a.EventId)).ToHashSet();
        return [.. expected.SelectMany(e => e.Value.Select(id => (e.Key, id))).Where(k => !taken.Contains(k))];
    }

    /// <summary>
    /// Polls until every accepted event was taken, or <paramref name="limit"/> passes, or nothing arrives for
    /// <paramref name="stall"/> (a queue that stopped does not make the run wait out its whole limit); answers what
    /// is still missing.
    /// </summary>
    public async Task<IReadOnlyList<(string Path, string EventId)>> WaitAsync(TimeSpan limit, TimeSpan stall)
    {
        var seen = -1;
        var quiet = Stopwatch.StartNew();
        await Eventually.HoldsAsync(() =>
        {
            var count = receiver.Arrivals.Count;
            if (count != seen)
            {
                seen = count;
                quiet.Restart();
            }
            return Missing().Count == 0 || quiet.Elapsed > stall;
        }, limit, TimeSpan.FromMilliseconds(250));
        return Missing();
    }

    /// <summary>A few missing deliveries, each with the answers it got, for the report.</summary>
    public string Describe(IReadOnlyList<(string Path, string EventId)> missing, int count = 3)
    {
        var arrivals = receiver.Arrivals;
        return string.Join("; ", missing.Take(count).Select(m =>
        {
            var answers = arrivals.Where(a => a.Path == m.Path && a.EventId == m.EventId).Select(a => a.Answer.ToString()).ToList();
            return $"{m.Path} {m.EventId} ({(answers.Count == 0 ? "never sent" : "answered " + string.Join(", ", answers))})";
        }));
    }

    /// <summary>
    /// The paths among <paramref name="strictPaths"/> whose events first arrived in another order than accepted,
    /// each with the first place where they differ.
    /// </summary>
    public IReadOnlyList<string> OutOfOrder(IEnumerable<string> strictPaths)
    {
        var arrivals = receiver.Arrivals;
        var broken = new List<string>();
        foreach (var path in strictPaths)
        {
            var first = arrivals.Where(a => a.Path == path).Select(a => a.EventId).Distinct().ToList();
            var accepted = expected[path];
            var at = Enumerable.Range(0, Math.Min(first.Count, accepted.Count)).FirstOrDefault(i => first[i] != accepted[i], -1);
            if (at >= 0)
            {
                broken.Add($"{path}: place {at} got {first[at]}, accepted {accepted[at]}");
            }
        }
        return broken;
    }

    /// <summary>Per path, how many times an event was taken again after the receiver had taken it once.</summary>
    public IReadOnlyDictionary<string, int> Duplicates() => receiver.Arrivals
        .Where(a => a.Answer.MeansSuccess())
        .GroupBy(a => a.Path)
        .ToDictionary(g => g.Key, g => g.Count() - g.Select(a => a.EventId).Distinct().Count());

    /// <summary>Deliveries taken more than once, counted by the answer that took them the first time.</summary>
    public IReadOnlyDictionary<ChaosFault, int> RetakenAfter() => receiver.Arrivals
        .Where(a => a.Answer.MeansSuccess() && expected.ContainsKey(a.Path))
        .GroupBy(a => (a.Path, a.EventId))
        .Where(g => g.Count() > 1)
        .GroupBy(g => g.First().Answer)
        .ToDictionary(g => g.Key, g => g.Count());

    public int BadSignatures => receiver.Arrivals.Count(a => expected.ContainsKey(a.Path) && !a.SignatureValid);
}
