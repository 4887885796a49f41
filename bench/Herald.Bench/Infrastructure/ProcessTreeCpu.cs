namespace Herald.Bench.Infrastructure;

/// <summary>
/// Cumulative CPU time of a process and all its descendants, read from <c>/proc</c>, that never goes backwards while
/// the tree's processes come and go: each live process counts its own CPU and that of its reaped children, so the CPU
/// of a process that ended moves from its own count to its parent's.
/// </summary>
/// <remarks>
/// PostgreSQL is such a tree: the postmaster forks a backend per connection, autovacuum and parallel workers, and waits
/// for each. Reading only the backends alive at each sample missed every backend that ended in between, and gave
/// negative CPU per operation (docs/benchmarks.md). A reading of the tree is not atomic: a child reaped while the tree
/// is read could be counted twice (read alive, then in its parent's count) or not at all. So the tree is read until a
/// reading agrees with the one before and the one after it on every process's reaped count: no process reaped a
/// child while it was read.
/// </remarks>
public static class ProcessTreeCpu
{
    private const int Attempts = 20;

    /// <summary>The tree's CPU so far; zero when the root is gone.</summary>
    public static TimeSpan Read(int rootPid) => Read([rootPid])[0];

    /// <summary>The CPU so far of each root's tree, from the same readings of <c>/proc</c>.</summary>
    public static TimeSpan[] Read(IReadOnlyList<int> rootPids)
    {
        var before = Snapshot(rootPids);
        var reading = Snapshot(rootPids);
        for (var attempt = 1; ; attempt++)
        {
            var after = Snapshot(rootPids);
            if ((Agree(before, reading) && Agree(reading, after)) || attempt == Attempts)
            {
                return [.. reading.Select(tree => TimeSpan.FromSeconds(tree.Values.Sum(p => p.TotalTicks) / ProcStat.TicksPerSecond))];
            }
            (before, reading) = (reading, after);
        }
    }

    private static bool Agree(Dictionary<int, ProcStat>[] first, Dictionary<int, ProcStat>[] second) =>
        first.Zip(second).All(trees => trees.First.Values.All(p =>
            !trees.Second.TryGetValue(p.Pid, out var other) || other.ReapedTicks == p.ReapedTicks));

    /// <summary>Each root and its descendants as they are now; an empty tree for a root that is gone.</summary>
    private static Dictionary<int, ProcStat>[] Snapshot(IReadOnlyList<int> rootPids)
    {
        var all = new List<ProcStat>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), out var pid) && ProcStat.Read(pid) is { } stat)
            {
                all.Add(stat);
            }
        }
        var children = all.ToLookup(p => p.ParentPid);
        return [.. rootPids.Select(root => Tree(root, all, children))];
    }

    private static Dictionary<int, ProcStat> Tree(int rootPid, List<ProcStat> all, ILookup<int, ProcStat> children)
    {
        var tree = new Dictionary<int, ProcStat>();
        var pending = new Stack<ProcStat>(all.Where(p => p.Pid == rootPid));
        while (pending.TryPop(out var process))
        {
            if (tree.TryAdd(process.Pid, process))
            {
                foreach (var child in children[process.Pid])
                {
                    pending.Push(child);
                }
            }
        }
        return tree;
    }
}
