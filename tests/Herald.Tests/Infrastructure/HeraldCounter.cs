using System.Diagnostics.Metrics;
using Herald.Grains.Telemetry;

namespace Herald.Tests.Infrastructure;

/// <summary>
/// Counts, from its creation on, what this process adds to one of Herald's counters (optionally only with one
/// <c>outcome</c> tag). Silos of the TestingHost run in this process, so their measurements arrive here.
/// </summary>
public sealed class HeraldCounter : IDisposable
{
    private readonly MeterListener _listener = new();
    private long _count;

    public HeraldCounter(Counter<long> counter, string? outcome = null)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == HeraldMetrics.MeterName && instrument.Name == counter.Name)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            if (outcome is null)
            {
                Interlocked.Add(ref _count, value);
                return;
            }
            foreach (var tag in tags)
            {
                if (tag.Key == "outcome" && Equals(tag.Value, outcome))
                {
                    Interlocked.Add(ref _count, value);
                }
            }
        });
        _listener.Start();
    }

    public long Count => Interlocked.Read(ref _count);

    public void Dispose() => _listener.Dispose();
}
