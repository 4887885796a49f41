using Herald.Grains.Delivery;
using Herald.Grains.Storage;
using Herald.Grains.Telemetry;

namespace Herald.Grains.Endpoints;

/// <summary>
/// What both drain policies (<see cref="StrictDrain"/>, <see cref="ConcurrentDrain"/>) work with: the endpoint, its
/// window and queue, the attempt and its record, the failure policy, the scheduler, the rate gate, the silo's
/// shutdown and the clock; and the one way the window is filled from PostgreSQL.
/// </summary>
internal sealed class DrainParts(
    EndpointContext endpoint,
    QueueWindow window,
    DeliveryQueue queue,
    AttemptRecorder recorder,
    AttemptRunner attempts,
    FailurePolicy failures,
    WakeScheduler wake,
    DeliveryShutdown shutdown,
    TimeProvider time)
{
    public EndpointContext Endpoint => endpoint;
    public QueueWindow Window => window;
    public DeliveryQueue Queue => queue;
    public AttemptRecorder Recorder => recorder;
    public AttemptRunner Attempts => attempts;
    public FailurePolicy Failures => failures;
    public WakeScheduler Wake => wake;
    public RateGate Rate { get; } = new();
    public DeliveryShutdown Shutdown => shutdown;
    public TimeProvider Time => time;

    /// <summary>
    /// Reads at most <paramref name="limit"/> pending deliveries after place <paramref name="from"/> into the window;
    /// the notices that arrive meanwhile are taken once the read is applied.
    /// </summary>
    public async Task ReadWindowAsync(long from, int limit, CancellationToken cancellationToken)
    {
        window.BeginRead();
        IReadOnlyList<QueuedDelivery> rows;
        try
        {
            rows = await queue.PeekHeadAsync(endpoint.Id, from, limit, cancellationToken);
        }
        catch
        {
            window.AbortRead();
            throw;
        }
        window.EndRead(rows, from, limit);
        HeraldMetrics.QueueReads.Add(1);
    }

    public static TimeSpan Later(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
