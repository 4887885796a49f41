using Npgsql;

namespace Herald.Grains.Storage;

/// <summary>
/// The list of accounts (<c>herald_accounts</c>) with each one's own retention, and the removal of everything an account
/// has in Herald's tables. An account's settings live in its grain's state; this table is what lists and purges need.
/// </summary>
public sealed class AccountStore(NpgsqlDataSource dataSource)
{
    /// <summary>
    /// The account's rows in Herald's tables, in an order that never leaves a row pointing at one already gone. Tables
    /// keyed by endpoint are also emptied by each endpoint's own delete (<c>DeliveryQueue.DeleteEndpointAsync</c>).
    /// </summary>
    private static readonly string[] AccountRows =
    [
        "delete from herald_failure_outbox where delivery_id in (select delivery_id from herald_deliveries where account_id = @account)",
        "delete from herald_attempts where delivery_id in (select delivery_id from herald_deliveries where account_id = @account)",
        "delete from herald_deliveries where account_id = @account",
        "delete from herald_events where account_id = @account",
        "delete from herald_api_keys where account_id = @account", // the account's own key and its scoped keys
        "delete from herald_portal_sessions where account_id = @account",
        "delete from herald_idempotency where scope = @account or account_id = @account",
        "delete from herald_accounts where account_id = @account",
    ];

    /// <summary>Lists the account, or sets its retention if it is listed already.</summary>
    public async Task SaveAsync(string accountId, TimeSpan? retention, DateTimeOffset createdAt, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("""
            insert into herald_accounts (account_id, retention, created_at) values (@account, @retention, @created)
            on conflict (account_id) do update set retention = excluded.retention
            """);
        command.Parameters.AddWithValue("account", accountId);
        command.Parameters.Add(new NpgsqlParameter<TimeSpan?>("retention", retention));
        command.Parameters.AddWithValue("created", createdAt);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Account ids, newest first (ids sort by creation time), after <paramref name="cursor"/>; one more than <paramref name="limit"/> tells whether a page follows.</summary>
    public async Task<(IReadOnlyList<string> Page, string? NextCursor)> ListAsync(int limit, string? cursor, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("""
            select account_id from herald_accounts
            where (@cursor::text is null or account_id < @cursor::text)
            order by account_id desc
            limit @limit
            """);
        command.Parameters.Add(new NpgsqlParameter<string?>("cursor", cursor));
        command.Parameters.AddWithValue("limit", limit + 1);
        var ids = new List<string>(limit + 1);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetString(0));
        }
        if (ids.Count <= limit)
        {
            return (ids, null);
        }
        ids.RemoveAt(limit);
        return (ids, ids[^1]);
    }

    /// <summary>Accounts that keep their rows a shorter time than <paramref name="period"/>, with that time.</summary>
    public async Task<IReadOnlyList<(string AccountId, TimeSpan Retention)>> ShorterRetentionsAsync(TimeSpan period, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(
            "select account_id, retention from herald_accounts where retention is not null and retention < @period order by account_id");
        command.Parameters.AddWithValue("period", period);
        var accounts = new List<(string, TimeSpan)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            accounts.Add((reader.GetString(0), reader.GetFieldValue<TimeSpan>(1)));
        }
        return accounts;
    }

    /// <summary>Removes every row of the account from Herald's tables, in one transaction; repeating it is harmless.</summary>
    public async Task PurgeAsync(string accountId, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var sql in AccountRows)
        {
            var statement = new NpgsqlBatchCommand(sql);
            statement.Parameters.AddWithValue("account", accountId);
            batch.BatchCommands.Add(statement);
        }
        await batch.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
