using Npgsql;

namespace Herald.Grains.Storage;

/// <summary>
/// The answers of requests sent with an <c>Idempotency-Key</c>, one row per caller and key (<c>herald_idempotency</c>).
/// A request first claims its key; the claim holds while it runs and becomes its stored answer when it ends with a 2xx,
/// or is released otherwise, so that only successes are replayed.
/// </summary>
public sealed class IdempotencyStore(NpgsqlDataSource dataSource)
{
    /// <summary>How long a stored answer is replayed; the retention job purges rows older than this.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromHours(24);

    /// <summary>
    /// How long a claim may run before another request with its key may take it over: a process that died mid-request
    /// leaves its claim behind, and that must not block the key for a whole day.
    /// </summary>
    public static readonly TimeSpan AbandonedAfter = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Claims <paramref name="key"/> for a new request: null when this request has it (no live row held it, or the row
    /// there had expired or was abandoned); otherwise the entry of the request that holds it.
    /// </summary>
    public async Task<IdempotencyEntry?> ClaimAsync(
        string scope, string key, byte[] requestHash, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        // The row can vanish between the two statements (its request failed and released it): then claim again.
        for (var round = 0; round < 3; round++)
        {
            await using (var claim = dataSource.CreateCommand("""
                insert into herald_idempotency (scope, idem_key, request_hash, created_at) values (@scope, @key, @hash, @now)
                on conflict (scope, idem_key) do update
                    set request_hash = excluded.request_hash, created_at = excluded.created_at, account_id = null,
                        status_code = null, content_type = null, location = null, response = null, sealed = false
                    where herald_idempotency.created_at < @expired
                       or (herald_idempotency.status_code is null and herald_idempotency.created_at < @abandoned)
                returning 1
                """))
            {
                claim.Parameters.AddWithValue("scope", scope);
                claim.Parameters.AddWithValue("key", key);
                claim.Parameters.AddWithValue("hash", requestHash);
                claim.Parameters.AddWithValue("now", now);
                claim.Parameters.AddWithValue("expired", now - Window);
                claim.Parameters.AddWithValue("abandoned", now - AbandonedAfter);
                if (await claim.ExecuteScalarAsync(cancellationToken) is not null)
                {
                    return null;
                }
            }
            await using var read = dataSource.CreateCommand("""
                select request_hash, status_code, content_type, location, response, sealed
                from herald_idempotency where scope = @scope and idem_key = @key
                """);
            read.Parameters.AddWithValue("scope", scope);
            read.Parameters.AddWithValue("key", key);
            await using var reader = await read.ExecuteReaderAsync(cancellationToken);
            if (await reader.ReadAsync(cancellationToken))
            {
                return new IdempotencyEntry(
                    reader.GetFieldValue<byte[]>(0),
                    reader.IsDBNull(1) ? null : reader.GetInt32(1),
                    reader.IsDBNull(2) ? null : reader.GetString(2),
                    reader.IsDBNull(3) ? null : reader.GetString(3),
                    reader.IsDBNull(4) ? null : reader.GetFieldValue<byte[]>(4),
                    reader.GetBoolean(5));
            }
        }
        throw new InvalidOperationException("An idempotency key kept being claimed and released; try again.");
    }

    /// <summary>Stores the answer of the request that holds the claim.</summary>
    /// <param name="accountId">The account the request acted for, when known (deleting the account removes the row).</param>
    public async Task CompleteAsync(string scope, string key, string? accountId, int statusCode, string? contentType, string? location,
        byte[] response, bool isSealed, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("""
            update herald_idempotency
            set account_id = @account, status_code = @status, content_type = @type, location = @location, response = @response, sealed = @sealed
            where scope = @scope and idem_key = @key and status_code is null
            """);
        command.Parameters.AddWithValue("scope", scope);
        command.Parameters.AddWithValue("key", key);
        command.Parameters.Add(new NpgsqlParameter<string?>("account", accountId));
        command.Parameters.AddWithValue("status", statusCode);
        command.Parameters.Add(new NpgsqlParameter<string?>("type", contentType));
        command.Parameters.Add(new NpgsqlParameter<string?>("location", location));
        command.Parameters.AddWithValue("response", response);
        command.Parameters.AddWithValue("sealed", isSealed);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Gives the key back after a request that did not succeed: the next one with it runs afresh.</summary>
    public async Task ReleaseAsync(string scope, string key, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(
            "delete from herald_idempotency where scope = @scope and idem_key = @key and status_code is null");
        command.Parameters.AddWithValue("scope", scope);
        command.Parameters.AddWithValue("key", key);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Deletes the rows made before <paramref name="cutoff"/>; returns how many.</summary>
    public async Task<long> PurgeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("delete from herald_idempotency where created_at < @cutoff");
        command.Parameters.AddWithValue("cutoff", cutoff);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
