using System.Globalization;

namespace Herald.Bench.Infrastructure;

/// <summary>Readings from Herald's <c>/metrics</c> (Prometheus text): the .NET runtime's GC and JIT figures and Herald's idle trims.</summary>
public sealed class HeraldMetrics(HttpClient http)
{
    /// <summary>The managed heap as of the last GC, all generations: what live objects held then.</summary>
    public async Task<long> HeapAfterLastGcAsync() => (long)await SumAsync("dotnet_gc_last_collection_heap_size_bytes");

    /// <summary>Memory the GC had committed (reserved from the OS) at the last GC: the heap, its free space and reserve.</summary>
    public async Task<long> GcCommittedAsync() => (long)await SumAsync("dotnet_gc_last_collection_memory_committed_size_bytes");

    /// <summary>Full (gen2) collections so far.</summary>
    public async Task<long> FullCollectionsAsync() => (long)await SumAsync("dotnet_gc_collections_total", "gen2");

    /// <summary>
    /// Herald's idle memory trims (<c>herald.memory.idle_trims</c>; absent before the first one) and the JIT compiler's
    /// time so far, from one reading.
    /// </summary>
    public async Task<HeraldMarks> MarksAsync()
    {
        var text = await http.GetStringAsync("/metrics");
        return new HeraldMarks((long)Sum(text, "herald_memory_idle_trims_total"), TimeSpan.FromSeconds(Sum(text, "dotnet_jit_compilation_time_seconds_total")));
    }

    /// <summary>The time Herald's threads were paused by the GC so far, and its full collections, from one reading.</summary>
    public async Task<(TimeSpan Paused, long FullCollections)> GcPausesAsync()
    {
        var text = await http.GetStringAsync("/metrics");
        return (TimeSpan.FromSeconds(Sum(text, "dotnet_gc_pause_time_seconds_total")), (long)Sum(text, "dotnet_gc_collections_total", "gen2"));
    }

    private async Task<double> SumAsync(string metric, string? label = null) => Sum(await http.GetStringAsync("/metrics"), metric, label);

    private static double Sum(string text, string metric, string? label = null) =>
        text.Split('\n')
            .Where(line => line.StartsWith(metric, StringComparison.Ordinal) && (line.Length == metric.Length || line[metric.Length] is ' ' or '{'))
            .Where(line => label is null || line.Contains($"\"{label}\"", StringComparison.Ordinal))
            .Sum(line => double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture));
}
