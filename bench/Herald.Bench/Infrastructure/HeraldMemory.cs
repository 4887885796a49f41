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
        var status = Status();
        var heap = await metrics.HeapAfterLastGcAsync();
        var committed = await metrics.GcCommittedAsync();
        var forced = await ForceFullGcAsync();
        return new MemoryReading(status.GetValueOrDefault("VmRSS"), status.GetValueOrDefault("RssAnon"), (int)status.GetValueOrDefault("Threads"),
            heap, committed, Status().GetValueOrDefault("VmRSS"),
            forced ? await metrics.HeapAfterLastGcAsync() : -1, forced ? await metrics.GcCommittedAsync() : -1);
    }

    /// <summary>The numeric lines of <c>/proc/[pid]/status</c>, sizes in bytes ("VmRSS", "RssAnon", "Threads").</summary>
    private Dictionary<string, long> Status()
    {
        var values = new Dictionary<string, long>();
        foreach (var line in File.ReadLines($"/proc/{herald.Id}/status"))
        {
            var parts = line.Split([':', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length >= 2 && long.TryParse(parts[1], System.Globalization.CultureInfo.InvariantCulture, out var value))
            {
                values[parts[0]] = parts.Length > 2 && parts[2] == "kB" ? value * 1024 : value;
            }
        }
        return values;
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
