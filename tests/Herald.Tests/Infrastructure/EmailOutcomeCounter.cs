using System.Diagnostics.Metrics;
using Herald.Grains.Telemetry;

namespace Herald.Tests.Infrastructure;

/// <summary>Counts, from its creation on, what this process adds to <c>herald.notification.emails</c> with one outcome.</summary>
public sealed class EmailOutcomeCounter : IDisposable
{
    private readonly MeterListener _listener = new();
    private long _count;

    public EmailOutcomeCounter(string outcome)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == HeraldMetrics.MeterName && instrument.Name == HeraldMetrics.NotificationEmails.Name)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
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
