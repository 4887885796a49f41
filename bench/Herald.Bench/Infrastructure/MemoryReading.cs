namespace Herald.Bench.Infrastructure;

/// <summary>
/// Herald's memory at one moment, in bytes: resident set (RSS), the managed heap and the GC's committed memory as of
/// the last GC, and the same after a full GC the bench forced.
/// </summary>
public sealed record MemoryReading(long Rss, long Heap, long Committed, long RssAfterFullGc, long HeapAfterFullGc, long CommittedAfterFullGc);
