using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace Herald.Grains.Storage;

/// <summary>Account API keys, kept only as SHA-256 hashes.</summary>
public sealed class ApiKeyStore(NpgsqlDataSource dataSource)
{
    public static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    public async Task AddAsync(string key, string accountId, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(
            "insert into herald_api_keys (key_hash, account_id) values (@hash, @account)");
        command.Parameters.AddWithValue("hash", Hash(key));
        command.Parameters.AddWithValue("account", accountId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The account a key belongs to, or null. The lookup is by hash, so no key bytes are compared.</summary>
    public async Task<string?> FindAccountAsync(string key, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("select account_id from herald_api_keys where key_hash = @hash");
        command.Parameters.AddWithValue("hash", Hash(key));
        return (string?)await command.ExecuteScalarAsync(cancellationToken);
    }
}
