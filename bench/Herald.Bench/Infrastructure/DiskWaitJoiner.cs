namespace Herald.Bench.Infrastructure;

/// <summary>
/// Joins samples of processes in uninterruptible sleep into waits: a process seen in the same kernel function in
/// consecutive samples (no more than <c>gap</c> apart) is one wait, from its first sample to its last plus one
/// sampling period (it began at most a period before it was seen). Keeps only the longest.
/// </summary>
public sealed class DiskWaitJoiner(TimeSpan period, TimeSpan gap)
{
    private readonly Dictionary<(int Pid, string Function), (string Role, DateTimeOffset First, DateTimeOffset Last)> _open = [];

    public DiskWait? Longest { get; private set; }

    /// <summary>One sample at <paramref name="at"/>: every process of the server found waiting, with its role and function.</summary>
    public void Add(DateTimeOffset at, IReadOnlyCollection<(int Pid, string Role, string Function)> waiting)
    {
        var seen = waiting.Select(w => (w.Pid, w.Function)).ToHashSet();
        foreach (var key in _open.Keys.ToList())
        {
            if (!seen.Contains(key) || at - _open[key].Last > gap)
            {
                Close(key);
            }
        }
        foreach (var (pid, role, function) in waiting)
        {
            _open[(pid, function)] = _open.TryGetValue((pid, function), out var open) ? open with { Last = at } : (role, at, at);
        }
    }

    /// <summary>Ends the waits still open (the sampling stopped).</summary>
    public void Finish()
    {
        foreach (var key in _open.Keys.ToList())
        {
            Close(key);
        }
    }

    private void Close((int Pid, string Function) key)
    {
        var (role, first, last) = _open[key];
        _open.Remove(key);
        var wait = new DiskWait(key.Pid, role, key.Function, first, last - first + period);
        if (Longest is not { } longest || wait.Length > longest.Length)
        {
            Longest = wait;
        }
    }
}
