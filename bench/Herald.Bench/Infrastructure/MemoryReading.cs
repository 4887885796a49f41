namespace Herald.Bench.Infrastructure;

/// <summary>
/// Herald's memory at one moment, in bytes: resident set (RSS) and its anonymous part (heap, stacks, native
/// allocations; the rest is mapped files such as the runtime's libraries), its thread count, the managed heap and the
/// GC's committed memory as of the last GC, and the same after a full GC the bench forced.
/// </summary>
public sealed record MemoryReading(
    long Rss, long RssAnonymous, int Threads, long Heap, long Committed, long RssAfterFullGc, long HeapAfterFullGc, long CommittedAfterFullGc);
