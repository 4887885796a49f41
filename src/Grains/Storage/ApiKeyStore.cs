using System.Security.Cryptography;
using System.Text;
using Herald.Abstractions.Ids;
using Npgsql;

namespace Herald.Grains.Storage;

/// <summary>
/// Account API keys, kept only as SHA-256 hashes. The account's own key (kind <c>account</c>, all scopes) is replaced by a
/// rotation, and a rotated-out one works until its expiry; scoped keys (kind <c>scoped</c>) are added and revoked by id.
/// </summary>
public sealed class ApiKeyStore(NpgsqlDataSource dataSource)
{
    public const string AccountKind = "account";
    public const string ScopedKind = "scoped";
    public const string AccountKeyName = "account key";

    /// <summary>Every scope, as the account's own key has them.</summary>
    public static readonly IReadOnlyList<string> AllScopes = ["publish", "manage", "read"];

    /// <summary>A new key: <c>hk_</c> and 256 random bits in base64url.</summary>
    public static string NewKey() => "hk_" + RandomToken();

    /// <summary>256 random bits in base64url, without padding.</summary>
    public static string RandomToken() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    /// <summary>Stores the account's own key (all scopes, no expiry).</summary>
    public async Task AddAsync(string key, string accountId, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(
            "insert into herald_api_keys (key_hash, account_id, key_id, name) values (@hash, @account, @id, @name)");
        command.Parameters.AddWithValue("hash", Hash(key));
        command.Parameters.AddWithValue("account", accountId);
        command.Parameters.AddWithValue("id", HeraldId.New("key"));
        command.Parameters.AddWithValue("name", AccountKeyName);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Stores a scoped key; answers its record (the key itself is not kept).</summary>
    public async Task<ApiKeyRecord> AddScopedAsync(
        string key, string accountId, string name, IReadOnlyList<string> scopes, DateTimeOffset createdAt, DateTimeOffset? expiresAt,
        CancellationToken cancellationToken = default)
    {
        var record = new ApiKeyRecord(HeraldId.New("key"), name, scopes, createdAt, expiresAt);
        await using var command = dataSource.CreateCommand("""
            insert into herald_api_keys (key_hash, account_id, key_id, name, scopes, kind, created_at, expires_at)
            values (@hash, @account, @id, @name, @scopes, 'scoped', @created, @expires)
            """);
        command.Parameters.AddWithValue("hash", Hash(key));
        command.Parameters.AddWithValue("account", accountId);
        command.Parameters.AddWithValue("id", record.Id);
        command.Parameters.AddWithValue("name", name);
        command.Parameters.AddWithValue("scopes", scopes.ToArray());
        command.Parameters.AddWithValue("created", createdAt);
        command.Parameters.AddWithValue("expires", (object?)expiresAt ?? DBNull.Value);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return record;
    }

    /// <summary>
    /// The key's owner, scopes and expiry, or null when no such key is stored. An expired key is answered too (the caller
    /// tells "expired" from "unknown" by its own clock). The lookup is by hash, so no key bytes are compared.
    /// </summary>
    public async Task<ApiKeyOwner?> FindOwnerAsync(byte[] keyHash, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(
            "select account_id, expires_at, key_id, scopes from herald_api_keys where key_hash = @hash");
        command.Parameters.AddWithValue("hash", keyHash);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new ApiKeyOwner(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetFieldValue<DateTimeOffset>(1),
                reader.GetString(2), reader.GetFieldValue<string[]>(3))
            : null;
    }

    /// <summary>The account's keys, newest first, after <paramref name="cursor"/> (a key id).</summary>
    public Task<(IReadOnlyList<ApiKeyRecord> Page, string? NextCursor)> ListAsync(
        string accountId, int limit, string? cursor, CancellationToken cancellationToken = default)
    {
        var command = dataSource.CreateCommand("""
            select key_id, name, scopes, created_at, expires_at from herald_api_keys
            where account_id = @account and (@cursor::text is null or key_id < @cursor)
            order by key_id desc limit @limit
            """);
        command.Parameters.AddWithValue("account", accountId);
        command.Parameters.AddWithValue("cursor", (object?)cursor ?? DBNull.Value);
        command.Parameters.AddWithValue("limit", limit + 1);
        return KeysetPage.ReadAsync(command, limit, reader => new ApiKeyRecord(reader.GetString(0), reader.GetString(1), reader.GetFieldValue<string[]>(2),
            reader.GetFieldValue<DateTimeOffset>(3), reader.IsDBNull(4) ? null : reader.GetFieldValue<DateTimeOffset>(4)), k => k.Id, cancellationToken);
    }

    /// <summary>Revokes one key of the account; false when the account has no key of that id.</summary>
    public async Task<bool> DeleteAsync(string accountId, string keyId, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("delete from herald_api_keys where account_id = @account and key_id = @id");
        command.Parameters.AddWithValue("account", accountId);
        command.Parameters.AddWithValue("id", keyId);
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    /// <summary>
    /// Adds <paramref name="newKey"/> and lets the account's other live own keys expire after <paramref name="grace"/>
    /// (zero: they are deleted at once), in one transaction; scoped keys are left alone. Answers when the previous keys
    /// expire, or null.
    /// </summary>
    public async Task<DateTimeOffset?> RotateAsync(string accountId, string newKey, TimeSpan grace, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var retire = grace > TimeSpan.Zero
            ? """
              update herald_api_keys set expires_at = now() + @grace
              where account_id = @account and kind = 'account' and (expires_at is null or expires_at > now() + @grace)
              returning expires_at
              """
            : "delete from herald_api_keys where account_id = @account and kind = 'account' returning null::timestamptz";
        DateTimeOffset? expiresAt = null;
        await using (var command = new NpgsqlCommand(retire, connection, transaction))
        {
            command.Parameters.AddWithValue("account", accountId);
            command.Parameters.AddWithValue("grace", grace);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                if (!reader.IsDBNull(0) && (expiresAt is null || reader.GetFieldValue<DateTimeOffset>(0) > expiresAt))
                {
                    expiresAt = reader.GetFieldValue<DateTimeOffset>(0);
                }
            }
        }
        await using (var cleanup = new NpgsqlCommand(
            "delete from herald_api_keys where account_id = @account and kind = 'account' and expires_at <= now()", connection, transaction))
        {
            cleanup.Parameters.AddWithValue("account", accountId);
            await cleanup.ExecuteNonQueryAsync(cancellationToken);
        }
        await using (var insert = new NpgsqlCommand(
            "insert into herald_api_keys (key_hash, account_id, key_id, name) values (@hash, @account, @id, @name)", connection, transaction))
        {
            insert.Parameters.AddWithValue("hash", Hash(newKey));
            insert.Parameters.AddWithValue("account", accountId);
            insert.Parameters.AddWithValue("id", HeraldId.New("key"));
            insert.Parameters.AddWithValue("name", AccountKeyName);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return expiresAt;
    }
}
