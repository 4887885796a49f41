using Npgsql;

namespace Herald.Grains.Storage;

/// <summary>Deletes events, deliveries and attempts older than the retention period, a bounded batch at a time.</summary>
public sealed class RetentionStore(NpgsqlDataSource dataSource)
{
    private static readonly string[] Purges =
    [
        "delete from herald_attempts where ctid in (select ctid from herald_attempts where attempted_at < @cutoff limit @batch)",
        "delete from herald_deliveries where ctid in (select ctid from herald_deliveries where created_at < @cutoff limit @batch)",
        "delete from herald_events where ctid in (select ctid from herald_events where created_at < @cutoff limit @batch)",
    ];

    /// <summary>Purges everything older than <paramref name="cutoff"/>; returns the rows deleted.</summary>
    public async Task<long> PurgeAsync(DateTimeOffset cutoff, int batchSize = 5_000, int maxBatches = 1_000, CancellationToken cancellationToken = default)
    {
        long total = 0;
        foreach (var sql in Purges)
        {
            for (var i = 0; i < maxBatches; i++)
            {
                await using var command = dataSource.CreateCommand(sql);
                command.Parameters.AddWithValue("cutoff", cutoff);
                command.Parameters.AddWithValue("batch", batchSize);
                var deleted = await command.ExecuteNonQueryAsync(cancellationToken);
                total += deleted;
                if (deleted < batchSize)
                {
                    break;
                }
            }
        }
        return total;
    }
}
