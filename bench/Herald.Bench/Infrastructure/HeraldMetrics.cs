using System.Globalization;

namespace Herald.Bench.Infrastructure;

/// <summary>Readings from Herald's <c>/metrics</c> (Prometheus text): the .NET runtime's GC figures.</summary>
public sealed class HeraldMetrics(HttpClient http)
{
    /// <summary>The managed heap as of the last GC, all generations: what live objects held then.</summary>
    public Task<long> HeapAfterLastGcAsync() => SumAsync("dotnet_gc_last_collection_heap_size_bytes");

    /// <summary>Memory the GC had committed (reserved from the OS) at the last GC: the heap, its free space and reserve.</summary>
    public Task<long> GcCommittedAsync() => SumAsync("dotnet_gc_last_collection_memory_committed_size_bytes");

    /// <summary>Full (gen2) collections so far.</summary>
    public Task<long> FullCollectionsAsync() => SumAsync("dotnet_gc_collections_total", "gen2");

    private async Task<long> SumAsync(string metric, string? label = null)
    {
        var text = await http.GetStringAsync("/metrics");
        return text.Split('\n')
            .Where(line => line.StartsWith(metric, StringComparison.Ordinal) && (line.Length == metric.Length || line[metric.Length] is ' ' or '{'))
            .Where(line => label is null || line.Contains($"\"{label}\"", StringComparison.Ordinal))
            .Sum(line => (long)double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture));
    }
}
