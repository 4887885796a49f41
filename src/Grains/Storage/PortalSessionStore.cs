using Npgsql;

namespace Herald.Grains.Storage;

/// <summary>Portal sessions (<c>hpt_…</c> tokens), kept only as SHA-256 hashes of their tokens.</summary>
public sealed class PortalSessionStore(NpgsqlDataSource dataSource)
{
    /// <summary>How long an expired session is kept, so that its token is answered "expired" rather than "unknown".</summary>
    private static readonly TimeSpan KeptAfterExpiry = TimeSpan.FromDays(1);

    /// <summary>A new token: <c>hpt_</c> and 256 random bits in base64url.</summary>
    public static string NewToken() => "hpt_" + ApiKeyStore.RandomToken();

    /// <summary>Stores the session under its token's hash, and drops the account's sessions long expired.</summary>
    public async Task AddAsync(string token, PortalSession session, CancellationToken cancellationToken = default)
    {
        await using var batch = dataSource.CreateBatch();
        var insert = new NpgsqlBatchCommand("""
            insert into herald_portal_sessions (session_id, token_hash, account_id, created_at, expires_at, read_only, sources)
            values (@id, @hash, @account, @created, @expires, @read_only, @sources)
            """);
        insert.Parameters.AddWithValue("id", session.Id);
        insert.Parameters.AddWithValue("hash", ApiKeyStore.Hash(token));
        insert.Parameters.AddWithValue("account", session.AccountId);
        insert.Parameters.AddWithValue("created", session.CreatedAt);
        insert.Parameters.AddWithValue("expires", session.ExpiresAt);
        insert.Parameters.AddWithValue("read_only", session.ReadOnly);
        insert.Parameters.Add(new NpgsqlParameter<string[]?>("sources", session.Sources?.ToArray()) { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Text });
        var purge = new NpgsqlBatchCommand("delete from herald_portal_sessions where account_id = @account and expires_at < @before");
        purge.Parameters.AddWithValue("account", session.AccountId);
        purge.Parameters.AddWithValue("before", session.CreatedAt - KeptAfterExpiry);
        batch.BatchCommands.Add(insert);
        batch.BatchCommands.Add(purge);
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The session of a token (expired ones too, for a while), or null. The lookup is by hash.</summary>
    public async Task<PortalSession?> FindAsync(byte[] tokenHash, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand($"select {Columns} from herald_portal_sessions where token_hash = @hash");
        command.Parameters.AddWithValue("hash", tokenHash);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    /// <summary>The account's sessions that have not expired at <paramref name="now"/>, newest first, a page at a time; never a token.</summary>
    public Task<(IReadOnlyList<PortalSession> Page, string? NextCursor)> ListAsync(
        string accountId, DateTimeOffset now, int limit, string? cursor, CancellationToken cancellationToken = default)
    {
        var command = dataSource.CreateCommand($"""
            select {Columns} from herald_portal_sessions
            where account_id = @account and expires_at > @now and (@cursor::text is null or session_id < @cursor)
            order by session_id desc limit @limit
            """);
        command.Parameters.AddWithValue("account", accountId);
        command.Parameters.AddWithValue("now", now);
        command.Parameters.AddWithValue("cursor", (object?)cursor ?? DBNull.Value);
        command.Parameters.AddWithValue("limit", limit + 1);
        return KeysetPage.ReadAsync(command, limit, Read, s => s.Id, cancellationToken);
    }

    /// <summary>Revokes one session of the account; false when the account has no session of that id.</summary>
    public async Task<bool> DeleteAsync(string accountId, string sessionId, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("delete from herald_portal_sessions where account_id = @account and session_id = @id");
        command.Parameters.AddWithValue("account", accountId);
        command.Parameters.AddWithValue("id", sessionId);
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    private const string Columns = "session_id, account_id, created_at, expires_at, read_only, sources";

    private static PortalSession Read(NpgsqlDataReader reader) =>
        new(reader.GetString(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2),
            reader.GetFieldValue<DateTimeOffset>(3), reader.GetBoolean(4), reader.IsDBNull(5) ? null : reader.GetFieldValue<string[]>(5));
}
