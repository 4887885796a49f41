using Npgsql;

namespace Herald.Grains.Storage;

/// <summary>
/// Deletes events, deliveries and attempts older than the retention period, a bounded batch at a time: the deployment's
/// period for every account, and an account's own shorter one (<c>herald_accounts.retention</c>) for its rows.
/// </summary>
public sealed class RetentionStore(NpgsqlDataSource dataSource, AccountStore accounts)
{
    private static readonly string[] Purges =
    [
        "delete from herald_attempts where ctid in (select ctid from herald_attempts where attempted_at < @cutoff limit @batch)",
        "delete from herald_deliveries where ctid in (select ctid from herald_deliveries where created_at < @cutoff limit @batch)",
        "delete from herald_events where ctid in (select ctid from herald_events where created_at < @cutoff limit @batch)",
    ];

    private static readonly string[] AccountPurges =
    [
        """
        delete from herald_attempts where ctid in (
            select a.ctid from herald_attempts a join herald_deliveries d on d.delivery_id = a.delivery_id
            where d.account_id = @account and a.attempted_at < @cutoff limit @batch)
        """,
        "delete from herald_deliveries where ctid in (select ctid from herald_deliveries where account_id = @account and created_at < @cutoff limit @batch)",
        "delete from herald_events where ctid in (select ctid from herald_events where account_id = @account and created_at < @cutoff limit @batch)",
    ];

    /// <summary>Purges everything older than <paramref name="cutoff"/>; returns the rows deleted.</summary>
    public Task<long> PurgeAsync(DateTimeOffset cutoff, int batchSize = 5_000, int maxBatches = 1_000, CancellationToken cancellationToken = default) =>
        RunAsync(Purges, cutoff, null, batchSize, maxBatches, cancellationToken);

    /// <summary>
    /// Purges, for each account whose own retention is shorter than <paramref name="period"/>, its rows older than that
    /// retention as of <paramref name="now"/>; returns the rows deleted.
    /// </summary>
    public async Task<long> PurgeShorterRetentionsAsync(DateTimeOffset now, TimeSpan period, int batchSize = 5_000, int maxBatches = 1_000,
        CancellationToken cancellationToken = default)
    {
        long total = 0;
        foreach (var (accountId, retention) in await accounts.ShorterRetentionsAsync(period, cancellationToken))
        {
            total += await RunAsync(AccountPurges, now - retention, accountId, batchSize, maxBatches, cancellationToken);
        }
        return total;
    }

    private async Task<long> RunAsync(string[] purges, DateTimeOffset cutoff, string? accountId, int batchSize, int maxBatches,
        CancellationToken cancellationToken)
    {
        long total = 0;
        foreach (var sql in purges)
        {
            for (var i = 0; i < maxBatches; i++)
            {
                await using var command = dataSource.CreateCommand(sql);
                command.Parameters.AddWithValue("cutoff", cutoff);
                command.Parameters.AddWithValue("batch", batchSize);
                if (accountId is not null)
                {
                    command.Parameters.AddWithValue("account", accountId);
                }
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
