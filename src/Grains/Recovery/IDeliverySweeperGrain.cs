namespace Herald.Grains.Recovery;

/// <summary>
/// The cluster's housekeeping (one activation, key <see cref="Key"/>): wakes endpoints whose due work nobody is
/// delivering, and purges what is older than the retention period.
/// </summary>
public interface IDeliverySweeperGrain : IGrainWithStringKey
{
    const string Key = "cluster";

    /// <summary>Registers the sweep reminder; called by every silo at start-up, idempotent.</summary>
    Task StartAsync();

    /// <summary>Runs one sweep now; returns how many endpoints were woken.</summary>
    Task<int> SweepAsync();

    /// <summary>
    /// Purges now what is older than the retention period (an account's own, where it is shorter) and idempotency
    /// answers older than their window; returns the rows deleted.
    /// </summary>
    Task<long> PurgeAsync();
}
