namespace Herald.Grains.Storage;

/// <summary>Herald's own writes to PostgreSQL, bound from <c>Herald:Storage</c>.</summary>
public sealed class StorageOptions
{
    public const string Section = "Herald:Storage";

    /// <summary>
    /// Publishes one process holds while they wait for their group commit (besides the batch being written). When
    /// PostgreSQL cannot keep up and this many wait, further publishes are refused with 503 <c>overloaded</c> rather
    /// than held in memory: at most this many bodies wait, each up to <c>Herald:MaxPayloadBytes</c>.
    /// </summary>
    public int MaxQueuedPublishes { get; set; } = 4096;
}
