using System.Diagnostics.Metrics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Herald.Grains.Telemetry;

/// <summary>
/// The queue as PostgreSQL holds it, for the whole cluster: <c>herald.delivery.retry_backlog</c> (pending deliveries
/// that failed at least once and wait for a retry) and <c>herald.delivery.pending</c> (every pending delivery). Every
/// process reports the same cluster-wide figure, so dashboards take the max, not the sum. A scrape answers from a cache
/// and starts a refresh when the cache is older than <see cref="MetricsOptions.BacklogRefresh"/>.
/// </summary>
public sealed partial class DeliveryBacklogGauge(
    NpgsqlDataSource dataSource,
    IOptions<MetricsOptions> options,
    TimeProvider time,
    ILogger<DeliveryBacklogGauge> logger) : IHostedService, IDisposable
{
    private static readonly TimeSpan QueryTimeout = TimeSpan.FromSeconds(5);

    private Meter? _meter;
    private long _retrying;
    private long _pending;
    private long _refreshedAt = long.MinValue;
    private int _refreshing;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _meter = new Meter(HeraldMetrics.MeterName);
        _meter.CreateObservableGauge("herald.delivery.retry_backlog", () => Observe(ref _retrying), "{delivery}",
            "Pending deliveries that failed at least once and wait for their next try (cluster-wide).");
        _meter.CreateObservableGauge("herald.delivery.pending", () => Observe(ref _pending), "{delivery}",
            "Pending deliveries, due or waiting for a retry (cluster-wide).");
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Reads both figures now; the gauges call this through the cache.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(QueryTimeout);
        await using var command = dataSource.CreateCommand(
            "select count(*) filter (where attempts > 0), count(*) from herald_deliveries where status = 'pending'");
        await using var reader = await command.ExecuteReaderAsync(timeout.Token);
        await reader.ReadAsync(timeout.Token);
        Interlocked.Exchange(ref _retrying, reader.GetInt64(0));
        Interlocked.Exchange(ref _pending, reader.GetInt64(1));
        Interlocked.Exchange(ref _refreshedAt, time.GetTimestamp());
    }

    private long Observe(ref long value)
    {
        var refreshedAt = Interlocked.Read(ref _refreshedAt);
        var never = refreshedAt == long.MinValue;
        if ((never || time.GetElapsedTime(refreshedAt) >= options.Value.BacklogRefresh) && Interlocked.CompareExchange(ref _refreshing, 1, 0) == 0)
        {
            var refresh = RefreshInBackgroundAsync();
            if (never)
            {
                // The first scrape waits for a figure rather than report an empty queue that may not be.
                refresh.Wait(QueryTimeout);
            }
        }
        return Interlocked.Read(ref value);
    }

    private async Task RefreshInBackgroundAsync()
    {
        try
        {
            await RefreshAsync();
        }
        catch (Exception exception) when (exception is NpgsqlException or OperationCanceledException or InvalidOperationException)
        {
            // Keep the last figure; try again at the next scrape after the interval.
            Interlocked.Exchange(ref _refreshedAt, time.GetTimestamp());
            LogRefreshFailed(logger, exception);
        }
        finally
        {
            Interlocked.Exchange(ref _refreshing, 0);
        }
    }

    public void Dispose() => _meter?.Dispose();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the delivery backlog from PostgreSQL; the gauges keep their last figure")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception);
}
