using System.Diagnostics.Tracing;
using Herald.Testing;
using Herald.Testing.Processes;
using Microsoft.Diagnostics.NETCore.Client;

namespace Herald.Bench.Infrastructure;

/// <summary>
/// Reads Herald's memory, and forces a full, blocking GC in it from outside, as <c>dotnet-gcdump</c> does: a session on
/// the runtime's diagnostics port that enables the runtime provider's GCHeapCollect keyword makes the runtime collect
/// at once. The heap after that collection is what live objects hold; the rest of the resident set is the GC's free
/// and reserved memory, code, stacks and native allocations.
/// </summary>
public sealed class HeraldMemory(HeraldProcess herald, HeraldMetrics metrics)
{
    private const long GcHeapCollectKeyword = 0x800000;

    public async Task<MemoryReading> ReadAsync()
    {
        var rss = herald.WorkingSet();
        var heap = await metrics.HeapAfterLastGcAsync();
        var committed = await metrics.GcCommittedAsync();
        var forced = await ForceFullGcAsync();
        return new MemoryReading(rss, heap, committed, herald.WorkingSet(),
            forced ? await metrics.HeapAfterLastGcAsync() : -1, forced ? await metrics.GcCommittedAsync() : -1);
    }

    /// <summary>True once a new full collection is seen in the metrics (bounded wait).</summary>
    public async Task<bool> ForceFullGcAsync()
    {
        var before = await metrics.FullCollectionsAsync();
        var client = new DiagnosticsClient(herald.Id);
        var providers = new[] { new EventPipeProvider("Microsoft-Windows-DotNETRuntime", EventLevel.Informational, GcHeapCollectKeyword) };
        using var session = await client.StartEventPipeSessionAsync(providers, requestRundown: false, circularBufferMB: 16, CancellationToken.None);
        var drain = session.EventStream.CopyToAsync(Stream.Null);
        var collected = await Eventually.HoldsAsync(async () => await metrics.FullCollectionsAsync() > before, TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(200));
        await session.StopAsync(CancellationToken.None);
        await drain;
        return collected;
    }
}
