using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace Herald.Grains.Storage;

/// <summary>Account API keys, kept only as SHA-256 hashes; a rotated-out key works until its expiry.</summary>
public sealed class ApiKeyStore(NpgsqlDataSource dataSource)
{
    /// <summary>A new key: <c>hk_</c> and 256 random bits in base64url.</summary>
    public static string NewKey() =>
        "hk_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    public async Task AddAsync(string key, string accountId, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(
            "insert into herald_api_keys (key_hash, account_id) values (@hash, @account)");
        command.Parameters.AddWithValue("hash", Hash(key));
        command.Parameters.AddWithValue("account", accountId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The account a live key belongs to, or null. The lookup is by hash, so no key bytes are compared.</summary>
    public async Task<ApiKeyOwner?> FindOwnerAsync(byte[] keyHash, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(
            "select account_id, expires_at from herald_api_keys where key_hash = @hash and (expires_at is null or expires_at > now())");
        command.Parameters.AddWithValue("hash", keyHash);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new ApiKeyOwner(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetFieldValue<DateTimeOffset>(1))
            : null;
    }

    /// <summary>
    /// Adds <paramref name="newKey"/> and lets the account's other live keys expire after <paramref name="grace"/>
    /// (zero: they are deleted at once), in one transaction. Answers when the previous keys expire, or null.
    /// </summary>
    public async Task<DateTimeOffset?> RotateAsync(string accountId, string newKey, TimeSpan grace, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var retire = grace > TimeSpan.Zero
            ? """
              update herald_api_keys set expires_at = now() + @grace
              where account_id = @account and (expires_at is null or expires_at > now() + @grace)
              returning expires_at
              """
            : "delete from herald_api_keys where account_id = @account returning null::timestamptz";
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
            "delete from herald_api_keys where account_id = @account and expires_at <= now()", connection, transaction))
        {
            cleanup.Parameters.AddWithValue("account", accountId);
            await cleanup.ExecuteNonQueryAsync(cancellationToken);
        }
        await using (var insert = new NpgsqlCommand(
            "insert into herald_api_keys (key_hash, account_id) values (@hash, @account)", connection, transaction))
        {
            insert.Parameters.AddWithValue("hash", Hash(newKey));
            insert.Parameters.AddWithValue("account", accountId);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return expiresAt;
    }
}
