namespace Herald.Abstractions.Storage;

/// <summary>
/// A write was refused because the queue of writes waiting for PostgreSQL is full: the database is not keeping up, and
/// the caller should try again later rather than Herald holding ever more in memory. Nothing of the write was stored.
/// </summary>
[GenerateSerializer, Alias("herald.commit-queue-full")]
public sealed class CommitQueueFullException : Exception
{
    public CommitQueueFullException()
    {
    }

    public CommitQueueFullException(string owner, int capacity)
        : base($"{owner} already has {capacity} writes waiting for PostgreSQL, the most it holds.")
    {
        Capacity = capacity;
    }

    [Id(0)] public int Capacity { get; init; }
}
