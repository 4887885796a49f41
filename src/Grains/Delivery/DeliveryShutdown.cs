using Herald.Grains.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Herald.Grains.Delivery;

/// <summary>
/// Lets a stopping silo finish its deliveries. Every drain of an endpoint's queue runs between <see cref="TryEnter"/>
/// and <see cref="Exit"/>. When the silo starts to stop, no new drain is let in, running drains send no new attempt
/// (they see <see cref="IsStopping"/>), and the stop waits — at most <see cref="ShutdownOptions.DrainTimeout"/> — until
/// the running drains have recorded their attempt and registered the wake reminder that brings their endpoint back on
/// another silo. Only then does Orleans stop the reminder service and deactivate the grains.
/// </summary>
public sealed partial class DeliveryShutdown(IOptions<ShutdownOptions> options, TimeProvider time, ILogger<DeliveryShutdown> logger)
    : ILifecycleParticipant<ISiloLifecycle>
{
    /// <summary>Stages stop in reverse order: this one stops before Orleans' Active stage stops the reminder service.</summary>
    public const int Stage = ServiceLifecycleStage.Active + 100;

    private readonly Lock _gate = new();
    private readonly TaskCompletionSource _idle = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _running;
    private volatile bool _stopping;

    public bool IsStopping => _stopping;

    /// <summary>Drains running on this silo now.</summary>
    public int Running
    {
        get
        {
            lock (_gate)
            {
                return _running;
            }
        }
    }

    /// <summary>Starts a drain; false once the silo is stopping.</summary>
    public bool TryEnter()
    {
        lock (_gate)
        {
            if (_stopping)
            {
                return false;
            }
            _running++;
            return true;
        }
    }

    public void Exit()
    {
        lock (_gate)
        {
            if (--_running == 0 && _stopping)
            {
                _idle.TrySetResult();
            }
        }
    }

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(DeliveryShutdown), Stage, _ => Task.CompletedTask, StopAsync);

    private async Task StopAsync(CancellationToken cancellationToken)
    {
        int running;
        lock (_gate)
        {
            _stopping = true;
            running = _running;
            if (running == 0)
            {
                _idle.TrySetResult();
            }
        }
        if (running == 0)
        {
            return;
        }
        var timeout = options.Value.DrainTimeout;
        LogWaiting(logger, running, timeout);
        var started = time.GetTimestamp();
        try
        {
            await _idle.Task.WaitAsync(timeout, time, cancellationToken);
            LogDrained(logger, time.GetElapsedTime(started));
        }
        catch (Exception exception) when (exception is TimeoutException or OperationCanceledException)
        {
            LogCut(logger, Running, time.GetElapsedTime(started));
        }
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Silo stopping: no new delivery attempts; waiting for {Running} endpoint drains in flight (at most {Timeout})")]
    private static partial void LogWaiting(ILogger logger, int running, TimeSpan timeout);

    [LoggerMessage(Level = LogLevel.Information, Message = "Deliveries in flight finished and recorded after {Elapsed}")]
    private static partial void LogDrained(ILogger logger, TimeSpan elapsed);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Stopping without waiting further: {Running} endpoint drains still in flight after {Elapsed}; their attempts stay pending and will be retried")]
    private static partial void LogCut(ILogger logger, int running, TimeSpan elapsed);
}
