using Herald.Abstractions.Webhooks;
using Herald.Grains.Hosting;
using Herald.Grains.Storage;
using Herald.Grains.Delivery;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Herald.Grains.Recovery;

/// <summary>
/// A publish commits its deliveries and then wakes each endpoint; if the process dies between the two, or an
/// endpoint's own reminder was lost with its deactivation, the work would wait forever. Once a minute this grain
/// finds endpoints whose earliest pending delivery is overdue by more than a grace period and wakes them. It looks
/// per endpoint, so no endpoint's backlog hides another; a sweep wakes at most <see cref="BatchSize"/> endpoints and
/// the next one goes on after the last of them, so every overdue endpoint is reached within a round of sweeps.
/// </summary>
public sealed partial class DeliverySweeperGrain(
    DeliveryQueue queue,
    RetentionStore retention,
    IdempotencyStore idempotency,
    IOptions<RetentionOptions> retentionOptions,
    IOptions<RecoveryOptions> recoveryOptions,
    TimeProvider time,
    ILogger<DeliverySweeperGrain> logger)
    : Grain, IDeliverySweeperGrain, IRemindable
{
    private const string SweepReminder = "sweep";
    private const string PurgeReminder = "purge";
    private const int BatchSize = 500;

    // Where the next sweep starts, in endpoint order ("" = the first). In memory only: a new activation starts over.
    private string _sweptTo = "";

    public async Task StartAsync()
    {
        // Registered once per service: a silo's restart must not push the next sweep back. (A changed period applies to
        // a service whose sweep reminder is not registered yet.)
        if (await this.GetReminder(SweepReminder) is null)
        {
            var period = recoveryOptions.Value.SweepPeriod;
            await this.RegisterOrUpdateReminder(SweepReminder, period, period);
        }
        if (await this.GetReminder(PurgeReminder) is null)
        {
            var interval = retentionOptions.Value.Interval;
            await this.RegisterOrUpdateReminder(PurgeReminder, interval, interval);
        }
    }

    public async Task<long> PurgeAsync()
    {
        var now = time.GetUtcNow();
        var period = retentionOptions.Value.Period;
        var deleted = await retention.PurgeAsync(now - period);
        deleted += await retention.PurgeShorterRetentionsAsync(now, period);
        deleted += await idempotency.PurgeAsync(now - IdempotencyStore.Window);
        if (deleted > 0)
        {
            LogPurged(logger, deleted);
        }
        return deleted;
    }

    public async Task<int> SweepAsync()
    {
        var overdue = await queue.FindOverdueEndpointsAsync(time.GetUtcNow() - recoveryOptions.Value.Grace, _sweptTo, BatchSize);
        _sweptTo = overdue.Count == BatchSize ? overdue[^1] : "";
        foreach (var endpointId in overdue)
        {
            await GrainFactory.Grain<IEndpointGrain>(endpointId).NotifyAsync(0);
        }
        if (overdue.Count > 0)
        {
            LogWoken(logger, overdue.Count);
        }
        return overdue.Count;
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        switch (reminderName)
        {
            case SweepReminder:
                await SweepAsync();
                break;
            case PurgeReminder:
                await PurgeAsync();
                break;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention purge deleted {Count} rows")]
    private static partial void LogPurged(ILogger logger, long count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Recovery sweep woke {Count} endpoints with overdue deliveries")]
    private static partial void LogWoken(ILogger logger, int count);
}
